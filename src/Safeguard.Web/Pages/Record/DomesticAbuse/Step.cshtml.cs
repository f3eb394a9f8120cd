using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Record.DomesticAbuse;

/// <summary>One page of the domestic abuse journey: the people, the incident, one page per child
/// (demeanour; seen and spoken to), then check and submit. Answers are saved as they are posted (B4);
/// each child's page applies the same recording standard as the API (B2).</summary>
public sealed class StepModel(DraftStore drafts, EventService events, PersonAccess access, PeopleFinder finder, TimeProvider clock) : PageModel
{
    private static readonly string[] Roles = ["victim", "suspect", "child"];

    [BindProperty(SupportsGet = true)] public Guid DraftId { get; set; }
    [BindProperty(SupportsGet = true)] public string Step { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    /// <summary>When it happened (GOV.UK date input, UK time); the draft keeps it as text, as typed when it is not a real time.</summary>
    [BindProperty] public Shared.DateTimeParts OccurredAt { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? RiskGrade { get; set; }
    [BindProperty] public string? Demeanour { get; set; }
    [BindProperty] public string? DemeanourNotObservedReason { get; set; }
    [BindProperty] public string? SeenAndSpokenTo { get; set; }

    public DomesticAbuseDraft Draft { get; private set; } = new();
    public IReadOnlyList<PersonHit> Candidates { get; private set; } = [];
    /// <summary>On a child's page: which child (0-based among the children).</summary>
    public int ChildIndex { get; private set; } = -1;
    public DomesticAbuseDraft.PersonInIncident? Child => ChildIndex >= 0 ? Draft.Children.ElementAtOrDefault(ChildIndex) : null;

    public async Task<IActionResult> OnGetAsync(Guid? personId, string? role)
    {
        if (!await LoadAsync()) return NotFound();
        if (Step == "people" && personId is { } id && role is not null)
        {
            if (!await AddAsync(id, role)) return NotFound();
            return Redirect(Href("people"));
        }
        if (Step == "people" && !string.IsNullOrWhiteSpace(Name))
            Candidates = await finder.FindAsync(User.ToActor(), new PersonQuery(Name), 20, "domestic abuse incident", HttpContext.RequestAborted);
        (OccurredAt, Summary, RiskGrade) = (Shared.DateTimeParts.FromText(Draft.OccurredAt), Draft.Summary, Draft.RiskGrade);
        if (Child is { } c) (Demeanour, DemeanourNotObservedReason, SeenAndSpokenTo) = (c.Demeanour, c.DemeanourNotObservedReason, c.SeenAndSpokenTo);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid personId, string role)
    {
        if (!await LoadAsync()) return NotFound();
        return await AddAsync(personId, role) ? Redirect(Href("people")) : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid personId)
    {
        if (!await LoadAsync()) return NotFound();
        Draft.People.RemoveAll(p => p.PersonId == personId);
        await SaveAsync();
        return Redirect(Href("people"));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        switch (Step)
        {
            case "people":
                if (!Draft.Children.Any()) ModelState.AddModelError("Name", "Add each child present or living in the household");
                if (!Draft.People.Any(p => p.Role is "victim" or "suspect")) ModelState.AddModelError("Name", "Add the victim or the suspect");
                break;
            case "incident":
                (Draft.OccurredAt, Draft.Summary, Draft.RiskGrade) = (OccurredAt.ToText(withTime: true), Summary, RiskGrade);
                await SaveAsync();
                if (!OccurredAt.TryReadPast("when it happened", clock.GetUtcNow().AddMinutes(5), out _, out var problem))
                    ModelState.AddModelError(nameof(OccurredAt), problem!);
                if (string.IsNullOrWhiteSpace(Summary)) ModelState.AddModelError(nameof(Summary), "Say briefly what happened");
                if (string.IsNullOrWhiteSpace(RiskGrade)) ModelState.AddModelError(nameof(RiskGrade), "Choose a risk grade");
                break;
            default:
                if (Child is not { } child) return NotFound();
                (child.Demeanour, child.DemeanourNotObservedReason, child.SeenAndSpokenTo) = (Demeanour, DemeanourNotObservedReason, SeenAndSpokenTo);
                await SaveAsync();
                foreach (var s in Draft.ShortfallsForChild(ChildIndex)) ModelState.AddModelError(DomesticAbuseDraft.InputFor(s.Field), s.Message);
                break;
        }
        return ModelState.IsValid ? Redirect(Next()) : Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!Shared.DateTimeParts.TryReadText(Draft.OccurredAt, out var occurredAt) || occurredAt > clock.GetUtcNow().AddMinutes(5))
        {
            ModelState.AddModelError("", "Say when the incident happened: use the change links below.");
            return Page();
        }
        var body = JsonSerializer.SerializeToElement(new
        {
            id = $"da-{DraftId}", type = "incident", occurredAt,
            people = Draft.People.Select(p => new { personId = p.PersonId, role = p.Role }), data = Draft.ToData(),
        });
        try
        {
            await events.RecordAsync(User.ToActor(), [EventSubmissionReader.Read(body)], HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 422)
        {
            e.Problem.AddTo(ModelState, DomesticAbuseDraft.InputFor);
            return Page();
        }
        await drafts.DeleteAsync(User.ToActor().Id, DraftId, HttpContext.RequestAborted);
        var first = Draft.Children.First();
        // H1: the DASH risk checklist follows with each victim; each child's own record holds this incident (H3).
        var suspects = Draft.People.Where(p => p.Role == "suspect").ToList();
        var suspect = suspects.Count == 1 ? $"&suspectId={suspects[0].PersonId}" : "";
        var links = Draft.People.Where(p => p.Role == "victim")
            .Select(v => new RecordedLink($"Ask {v.Name} the DASH risk questions", $"/domestic-abuse/dash?personId={v.PersonId}{suspect}")).ToList();
        return Redirect(new Recorded("Domestic abuse incident recorded", first.PersonId, first.Name,
            [$"Happened {Shared.UkTime.Show(occurredAt)}", .. Draft.People.Select(p => $"{p.Name}: {p.Role}")], $"da-{DraftId}", Links: links).Keep(TempData));
    }

    public string Href(string step) => $"/record/domestic-abuse/{DraftId}/{step}";

    public IReadOnlyList<string> StepsInOrder() =>
        ["people", "incident", .. Draft.Children.Select((_, i) => $"child-{i + 1}"), "check"];

    public string Previous()
    {
        var steps = StepsInOrder();
        var i = steps.ToList().IndexOf(Step);
        return i <= 0 ? "/record" : Href(steps[i - 1]);
    }

    private string Next()
    {
        if (Change) return Href("check");
        var steps = StepsInOrder();
        return Href(steps[Math.Min(steps.ToList().IndexOf(Step) + 1, steps.Count - 1)]);
    }

    private async Task<bool> LoadAsync()
    {
        var draft = await drafts.LoadAsync<DomesticAbuseDraft>(User.ToActor().Id, DomesticAbuseDraft.Kind, DraftId, HttpContext.RequestAborted);
        if (draft is null) return false;
        Draft = draft;
        if (Step.StartsWith("child-", StringComparison.Ordinal) && int.TryParse(Step[6..], out var n)) ChildIndex = n - 1;
        return StepsInOrder().Contains(Step);
    }

    private async Task<bool> AddAsync(Guid personId, string role)
    {
        if (!Roles.Contains(role)) return false;
        try
        {
            var person = await access.GetVisibleAsync(User.ToActor(), personId, HttpContext.RequestAborted);
            Draft.People.RemoveAll(p => p.PersonId == personId);
            Draft.People.Add(new DomesticAbuseDraft.PersonInIncident { PersonId = person.Id, Name = person.FullName, Role = role });
            await SaveAsync();
            return true;
        }
        catch (ProblemException) { return false; }
    }

    private Task SaveAsync() => drafts.SaveAsync(User.ToActor().Id, DomesticAbuseDraft.Kind, DraftId, Draft, HttpContext.RequestAborted);
}
