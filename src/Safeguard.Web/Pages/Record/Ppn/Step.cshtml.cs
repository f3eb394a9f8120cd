using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Record.Ppn;

/// <summary>One page of the PPN journey. Every answer is saved to the draft as soon as it is posted,
/// whether or not the page is accepted, so nothing typed is lost (B4). Each page checks its own part of
/// the recording standard (B1) with the same rules the API applies, and the check-your-answers page
/// submits through the same service as the API.</summary>
public sealed class StepModel(DraftStore drafts, EventService events, PersonAccess access, PeopleFinder finder, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid DraftId { get; set; }
    [BindProperty(SupportsGet = true)] public string Step { get; set; } = "";
    [BindProperty(SupportsGet = true)] public bool Change { get; set; }
    /// <summary>Search for the child on the first page.</summary>
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }

    [BindProperty] public PpnDraft Input { get; set; } = new();
    /// <summary>When it happened, as typed into the GOV.UK date input (day, month, year, hour, minute; UK time). The draft
    /// keeps it as text (<see cref="Shared.DateTimeParts.ToText"/>), so a draft saved before the hour and minute boxes still opens.</summary>
    [BindProperty] public Shared.DateTimeParts OccurredAt { get; set; } = new();

    public PpnDraft Draft { get; private set; } = new();
    public IReadOnlyList<PersonHit> Candidates { get; private set; } = [];
    public string Title => PpnDraft.Steps.FirstOrDefault(s => s.Step == Step).Title ?? "";

    public async Task<IActionResult> OnGetAsync(Guid? personId)
    {
        if (!await LoadAsync()) return NotFound();
        if (Step == "child" && personId is { } id)
        {
            if (!await ChooseChildAsync(id)) return NotFound();
            return Redirect(Next());
        }
        if (Step == "child" && !string.IsNullOrWhiteSpace(Name))
            Candidates = await finder.FindAsync(User.ToActor(), new PersonQuery(Name), 20, "PPN", HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var fields = PpnDraft.Steps.First(s => s.Step == Step).Fields;
        if (Step == "child")
        {
            if (Input.ChildId is { } id && await ChooseChildAsync(id)) return Redirect(Next());
            ModelState.AddModelError("Name", "Search for the child and choose them, or add a new person");
            return Page();
        }

        Merge(Input, fields);
        if (Step == "concern") Draft.OccurredAt = OccurredAt.ToText(withTime: true);
        await drafts.SaveAsync(User.ToActor().Id, PpnDraft.Kind, DraftId, Draft, HttpContext.RequestAborted);
        ModelState.Clear();
        foreach (var s in Draft.ShortfallsFor(fields)) ModelState.AddModelError(PpnDraft.InputFor(s.Field), s.Message);
        if (Step == "concern")
        {
            if (Draft.Concerns.Count == 0) ModelState.AddModelError("Concerns", "Choose at least one concern");
            if (OccurredAtProblem() is { } problem) ModelState.AddModelError("OccurredAt", problem);
        }
        return ModelState.IsValid ? Redirect(Next()) : Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var actor = User.ToActor();
        if (Draft.ChildId is null || !TryOccurredAt(out var occurredAt))
        {
            ModelState.AddModelError("", "Some answers are missing: use the change links below.");
            return Page();
        }
        var body = JsonSerializer.SerializeToElement(new
        {
            id = $"ppn-{DraftId}", type = "ppn", occurredAt,
            people = new[] { new { personId = Draft.ChildId, role = "child" } }, data = Draft.ToData(),
        });
        try
        {
            await events.RecordAsync(actor, [EventSubmissionReader.Read(body)], HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 422)
        {
            e.Problem.AddTo(ModelState, PpnDraft.InputFor);
            return Page();
        }
        await drafts.DeleteAsync(actor.Id, DraftId, HttpContext.RequestAborted);
        var when = Shared.UkTime.Show(occurredAt);
        return Redirect(new Recorded("Public protection notification recorded", Draft.ChildId.Value, Draft.ChildName ?? "the child",
            [$"Concerns: {string.Join(", ", Draft.Concerns.Select(PpnDraft.ConcernName))}", $"Happened {when}", Draft.Referred == "yes" ? "Referred to children’s social care" : "Not referred to children’s social care"],
            $"ppn-{DraftId}").Keep(TempData));
    }

    public string Href(string step) => $"/record/ppn/{DraftId}/{step}";

    public string Previous()
    {
        var i = PpnDraft.Steps.ToList().FindIndex(s => s.Step == Step);
        return i <= 0 ? "/record" : Href(PpnDraft.Steps[i - 1].Step);
    }

    private string Next()
    {
        if (Change) return Href("check");
        var i = PpnDraft.Steps.ToList().FindIndex(s => s.Step == Step);
        return Href(PpnDraft.Steps[Math.Min(i + 1, PpnDraft.Steps.Count - 1)].Step);
    }

    private async Task<bool> LoadAsync()
    {
        if (PpnDraft.Steps.All(s => s.Step != Step)) return false;
        var draft = await drafts.LoadAsync<PpnDraft>(User.ToActor().Id, PpnDraft.Kind, DraftId, HttpContext.RequestAborted);
        if (draft is null) return false;
        Draft = draft;
        if (Request.Method == "GET" || Step == "check") (Input, OccurredAt) = (draft, Shared.DateTimeParts.FromText(draft.OccurredAt));
        return true;
    }

    private async Task<bool> ChooseChildAsync(Guid id)
    {
        try
        {
            var person = await access.GetVisibleAsync(User.ToActor(), id, HttpContext.RequestAborted);
            (Draft.ChildId, Draft.ChildName) = (person.Id, person.FullName);
            await drafts.SaveAsync(User.ToActor().Id, PpnDraft.Kind, DraftId, Draft, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException) { return false; }
    }

    private void Merge(PpnDraft from, string[] fields)
    {
        foreach (var name in fields)
        {
            var property = typeof(PpnDraft).GetProperty(name)!;
            property.SetValue(Draft, property.GetValue(from));
        }
    }

    /// <summary>The time it happened, not in the future.</summary>
    private bool TryOccurredAt(out DateTimeOffset value) =>
        Shared.DateTimeParts.TryReadText(Draft.OccurredAt, out value) && value <= clock.GetUtcNow().AddMinutes(5);

    /// <summary>Why the time it happened cannot be taken, in words naming the field, or null.</summary>
    private string? OccurredAtProblem()
    {
        OccurredAt = Shared.DateTimeParts.FromText(Draft.OccurredAt);
        return OccurredAt.TryReadPast("when it happened", clock.GetUtcNow().AddMinutes(5), out _, out var problem) ? null : problem;
    }
}
