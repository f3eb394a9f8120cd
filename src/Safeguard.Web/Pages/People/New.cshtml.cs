using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Import;
using Safeguard.Core.MatchReviews;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>Add a person. Before creating, likely existing records are offered (D2) so the same child is
/// not recorded twice; the user picks one or confirms that none of them is the person.</summary>
public sealed class NewModel(PeopleService people, MatchReviewService reviews, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Forename { get; set; }
    [BindProperty] public string? Surname { get; set; }
    [BindProperty] public string? DateOfBirth { get; set; }
    [BindProperty] public string? Gender { get; set; }
    [BindProperty] public string? AddressLine1 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public bool NoneOfThese { get; set; }
    /// <summary>Where to go with the chosen person's id (e.g. back into a recording journey).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IReadOnlyList<PossibleMatch> PossibleMatches { get; private set; } = [];
    /// <summary>The date of birth as typed into the day, month and year boxes.</summary>
    public Shared.DateTimeParts DateOfBirthParts { get; private set; } = new();

    /// <summary>The form, filled with the name and date of birth a search was for (<c>?Name=Amy+Cole&amp;DateOfBirth=2014-05-06</c>):
    /// the last word of the name as the surname, the rest as the forename.</summary>
    public void OnGet([FromQuery] string? name, [FromQuery] string? dateOfBirth)
    {
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0) (Forename, Surname) = (words.Length > 1 ? string.Join(' ', words[..^1]) : null, words[^1]);
        DateOfBirth = dateOfBirth;
        DateOfBirthParts = Shared.DateTimeParts.FromText(dateOfBirth);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = User.ToActor();
        // The GOV.UK date boxes when the form posted them; the "none of these" form carries the date already read.
        string? dobProblem = null;
        // Read exactly as search reads it (Shared.DateTimeParts), so a date of birth search finds is one this page saves.
        if (Shared.DateTimeParts.Posted(Request.Form, nameof(DateOfBirth)))
        {
            DateOfBirthParts = Shared.DateTimeParts.From(Request.Form, nameof(DateOfBirth));
            var today = Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow());
            if (!DateOfBirthParts.IsEmpty && !DateOfBirthParts.TryReadDateOfBirth("the date of birth", today, out _, out var problem)) dobProblem = problem;
            DateOfBirth = DateOfBirthParts.ToText(withTime: false);
        }
        else DateOfBirthParts = Shared.DateTimeParts.FromText(DateOfBirth);
        // A date of birth the page refused goes to the service as one it refuses too, so every other problem comes back at once.
        var input = new PersonInput(Forename, Surname, dobProblem is null ? DateOfBirth : "0000-00-00", Gender, null, AddressLine1, Town, Postcode);
        try
        {
            if (dobProblem is null && !NoneOfThese && !string.IsNullOrWhiteSpace(Forename) && !string.IsNullOrWhiteSpace(Surname))
            {
                DateOnly? dob = DateOnly.TryParse(DateOfBirth, out var d) ? d : null;
                PossibleMatches = await people.PossibleMatchesAsync(actor, Forename.Trim(), Surname.Trim(), dob, Postcode, HttpContext.RequestAborted);
                if (PossibleMatches.Count > 0) return Page();
            }
            var created = await people.CreateAsync(actor, input, HttpContext.RequestAborted);
            // The creator said none of the offered records is this person; someone who may merge checks that later (D5).
            if (NoneOfThese && created.PossibleMatches.Count > 0)
                await reviews.QueueAsync(created.Person.Id, created.PossibleMatches.Select(m => new MatchCandidate(m.PersonId, m.Score, m.Reasons)),
                    MatchReviewService.FromCreation, HttpContext.RequestAborted, save: true);
            return Chosen(created.Person.Id);
        }
        catch (ProblemException e)
        {
            e.Problem.AddTo(ModelState, f => f switch { "forename" => "Forename", "surname" => "Surname", "dateOfBirth" => "DateOfBirth", "address.postcode" => "Postcode", _ => f });
            if (dobProblem is not null)
            {
                ModelState.Remove(nameof(DateOfBirth));
                ModelState.AddModelError(nameof(DateOfBirth), dobProblem);
            }
            else if (ModelState[nameof(DateOfBirth)]?.Errors.Count > 0)
            {
                ModelState.Remove(nameof(DateOfBirth));
                ModelState.AddModelError(nameof(DateOfBirth), "The date of birth must be today or in the past");
            }
            return Page();
        }
    }

    /// <summary>Goes on with a person: into the journey that asked, or to their profile.</summary>
    public IActionResult Chosen(Guid personId) => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url)
        ? LocalRedirect(url + (url.Contains('?') ? "&" : "?") + "personId=" + personId)
        : Redirect($"/people/{personId}");
}
