using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Offenders;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>A page about one registered sex offender, chosen by the route's <c>personId</c>. An offender the user may not
/// see, or someone never registered, answers 404 like anything else that does not exist.</summary>
public abstract class OffenderPage(OffenderManagement offenders) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }

    public OffenderView Offender { get; private set; } = null!;
    public string Name => $"{Offender.Person.Forename} {Offender.Person.Surname}".Trim();

    /// <summary>True when the answers were checked and are shown back to be confirmed (GOV.UK check answers).</summary>
    public bool Checking { get; protected set; }

    protected async Task<bool> LoadAsync()
    {
        try
        {
            Offender = await offenders.GetAsync(User.ToActor(), PersonId, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }

    /// <summary>The risk level in words: "Very high".</summary>
    public static string Risk(string level) => level.Length == 0 ? level : char.ToUpperInvariant(level[0]) + level[1..].Replace('-', ' ');
}

/// <summary>An offender page that records something in the GOV.UK check-answers pattern: Continue checks and shows the
/// answers back (nothing stored), Change returns to the form with everything kept, and the page's own post records.</summary>
public abstract class OffenderFormPage(OffenderManagement offenders) : OffenderPage(offenders)
{
    /// <summary>Checks every answer at once, adding each problem to the model state; true when all are good.</summary>
    protected abstract bool CheckAnswers();

    /// <summary>Continue: the answers are checked and, when good, shown back to be confirmed; nothing is stored.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    /// <summary>Change: back from the check page to the form, with every answer kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();
}
