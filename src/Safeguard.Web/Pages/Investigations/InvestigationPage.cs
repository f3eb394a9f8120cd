using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Investigations;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules.Investigations;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>A page about one investigation, chosen by the route's <c>id</c>. An investigation that does not exist, or with
/// someone in it the user may not see, answers 404 like anything else that does not exist.</summary>
public abstract class InvestigationPage(InvestigationService investigations) : PageModel
{
    protected InvestigationService Investigations { get; } = investigations;

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";

    public InvestigationView Investigation { get; private set; } = null!;

    /// <summary>The victims' names, for headings: "Amy Cole and Ben Ash".</summary>
    public string Victims => Names(Investigation.Summary.Victims.Select(v => v.Name));

    protected async Task<bool> LoadAsync()
    {
        try
        {
            Investigation = await Investigations.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }

    /// <summary>The offence types in words: "Sexual assault, grooming".</summary>
    public static string Offences(IReadOnlyList<string> codes) =>
        codes.Count == 0 ? "Not recorded" : string.Join(", ", codes.Select((c, i) => i == 0 ? SpecialistNeed.OffenceWords(c) : SpecialistNeed.OffenceWords(c).ToLowerInvariant()));

    public static string Names(IEnumerable<string> names)
    {
        var all = names.Where(n => n.Length > 0).Distinct().ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }

    public static string Status(string status) => status switch
    {
        "open" => "Open, not yet allocated", "allocated" => "Allocated", "closed" => "Closed", _ => status,
    };

    /// <summary>The next supervisory review in words: "Overdue since 3 March 2026 at 09:00".</summary>
    public static string Review(InvestigationRow r) => r.ReviewState switch
    {
        ReviewStates.Overdue => $"Overdue since {UkTime.Show(r.ReviewDueAt!.Value)}",
        ReviewStates.Due => $"Due by {UkTime.Show(r.ReviewDueAt!.Value)}",
        ReviewStates.NotDue => $"Next due by {UkTime.Show(r.ReviewDueAt!.Value)}",
        _ => "None: the investigation is closed",
    };

    /// <summary>The event's people: every victim as recorded on the investigation, so tasks on each child close.</summary>
    protected object[] EventPeople() =>
        Investigation.Summary.People.Where(p => p.Role is "victim" or "child").Select(p => (object)new { personId = p.PersonId, role = p.Role }).ToArray();

    /// <summary>The confirmation's subject: the first victim.</summary>
    protected (Guid Id, string Name) Subject()
    {
        var v = Investigation.Summary.Victims.FirstOrDefault() ?? Investigation.Summary.People[0];
        return (v.PersonId, v.Name);
    }
}

/// <summary>An investigation page that records something in the GOV.UK check-answers pattern: Continue checks and shows the
/// answers back (nothing stored), Change returns to the form with everything kept, and the page's own post records.</summary>
public abstract class InvestigationFormPage(InvestigationService investigations, TimeProvider clock) : InvestigationPage(investigations)
{
    protected TimeProvider Clock { get; } = clock;

    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public DateTimeParts When { get; set; } = new();

    public bool Checking { get; protected set; }
    public DateTimeOffset At { get; protected set; }

    /// <summary>The event type recorded.</summary>
    protected abstract string EventType { get; }

    /// <summary>Checks every answer at once, adding each problem to the model state; true when all are good.</summary>
    protected virtual bool CheckAnswers() => ModelState.IsValid;

    /// <summary>May be shown at all (closed investigations take nothing more).</summary>
    protected virtual bool Allowed => Investigation.Summary.Status != "closed";

    public virtual async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync() || !Allowed) return NotFound();
        EventId = EventForms.NewId(EventType);
        When = DateTimeParts.From(Clock.GetUtcNow());
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync() || !Allowed) return NotFound();
        await PrepareAsync();
        Checking = CheckWhen() & CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (!await LoadAsync() || !Allowed) return NotFound();
        await PrepareAsync();
        return Page();
    }

    /// <summary>Loads what the form shows besides the investigation (the allocation advice).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected bool CheckWhen()
    {
        if (!When.TryReadPast("when it happened", Clock.GetUtcNow().AddMinutes(5), out var at, out var problem)) ModelState.AddModelError(nameof(When), problem!);
        else if (at < Investigation.Summary.OpenedAt)
            ModelState.AddModelError(nameof(When), When.Refuse($"When it happened must be after the investigation was opened, {UkTime.Show(Investigation.Summary.OpenedAt)}"));
        At = at;
        return ModelState.IsValid;
    }
}
