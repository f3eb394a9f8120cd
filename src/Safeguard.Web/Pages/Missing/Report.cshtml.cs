using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Missing;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>F1, F2: report a child missing. Once the child is chosen the page shows what the control room needs
/// before grading: every previous episode, the count in the last 90 days, and the trigger plan.</summary>
public sealed class ReportModel(MissingHistoryReader reader, EventService events, PeopleFinder finder, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }
    [BindProperty] public string? RiskGrade { get; set; }
    [BindProperty] public string? ReportedBy { get; set; }
    [BindProperty] public string? LookedAfter { get; set; }
    [BindProperty] public DateTimeParts LastSeenAt { get; set; } = new();
    [BindProperty] public string? LastSeenLocation { get; set; }
    [BindProperty] public string? Circumstances { get; set; }

    public ChildMissingHistory? History { get; private set; }
    public IReadOnlyList<PersonHit> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!User.ToActor().CanRecord) return NotFound();
        if (PersonId is null)
        {
            Candidates = await PersonPicking.FindAsync(finder, User.ToActor(), Name, HttpContext.RequestAborted);
            return Page();
        }
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("missing");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        LastSeenAt = DateTimeParts.From(clock.GetUtcNow());
        // A looked-after child stays looked after: start from the last report's answer.
        LookedAfter = History!.Episodes.FirstOrDefault() is { } last ? last.LookedAfter ? "yes" : "no" : null;
        return Page();
    }

    /// <summary>The answers shown back on the check-your-answers page; nothing is stored until it is confirmed.</summary>
    public bool Checking { get; private set; }
    public DateTimeOffset LastSeen { get; private set; }

    public static readonly IReadOnlyList<Choice> Grades =
        [new("high", "High"), new("medium", "Medium"), new("low", "Low"), new("very-low", "Very low (formerly absent / no apparent risk)")];
    public static readonly IReadOnlyList<Choice> Reporters =
        [new("parent", "Parent"), new("foster-carer", "Foster carer"), new("childrens-home", "Children’s home"), new("school", "School"), new("other", "Someone else")];

    /// <summary>The form's answers checked, then shown back to be confirmed (GOV.UK check answers).</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    /// <summary>Back from the check page to the form, with every answer kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => PersonId is null || !await LoadAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();

        EventId ??= EventForms.NewId("missing");
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId, type = "missing-reported", occurredAt = EventForms.OpenedAt(OpenedAt, clock.GetUtcNow()),
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["riskGrade"] = RiskGrade, ["reportedBy"] = ReportedBy, ["lookedAfter"] = LookedAfter == "yes", ["lastSeenAt"] = LastSeen,
                ["lastSeenLocation"] = EventForms.Blank(LastSeenLocation), ["circumstances"] = EventForms.Blank(Circumstances),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, Field);
        if (result is null) return Page();
        var child = History!.Child;
        return Redirect(new Record.Recorded($"{child.FullName} reported missing", child.Id, child.FullName,
            [$"Risk grade: {Text(Grades, RiskGrade)}", $"Last seen {UkTime.Show(LastSeen)}{(EventForms.Blank(LastSeenLocation) is { } where ? $", {where}" : "")}",
             $"Reported by: {Text(Reporters, ReportedBy).ToLowerInvariant()}", LookedAfter == "yes" ? "Looked after by the local authority" : "Not looked after"],
            EventId, Record.NextSteps.Of(result.Outputs), [new Record.RecordedLink("Go to the missing episode", $"/missing/{EventId}")]).Keep(TempData));
    }

    public static string Text(IReadOnlyList<Choice> choices, string? value) => choices.FirstOrDefault(c => c.Value == value)?.Text ?? value ?? "";

    /// <summary>All the form's problems at once, each naming its field.</summary>
    private bool CheckAnswers()
    {
        if (Grades.All(g => g.Value != RiskGrade)) ModelState.AddModelError(nameof(RiskGrade), "Choose the risk grade");
        if (Reporters.All(r => r.Value != ReportedBy)) ModelState.AddModelError(nameof(ReportedBy), "Choose who reported the child missing");
        if (LookedAfter is not ("yes" or "no")) ModelState.AddModelError(nameof(LookedAfter), "Say whether the child is looked after");
        if (!LastSeenAt.TryRead("the date and time the child was last seen", out var lastSeen, out var seenError)) ModelState.AddModelError(nameof(LastSeenAt), seenError!);
        else LastSeen = lastSeen;
        return ModelState.IsValid;
    }

    private static string Field(string api) => api switch
    {
        "data.riskGrade" => nameof(RiskGrade),
        "data.reportedBy" => nameof(ReportedBy),
        "data.lookedAfter" => nameof(LookedAfter),
        "data.lastSeenAt" => nameof(LastSeenAt),
        "data.lastSeenLocation" => nameof(LastSeenLocation),
        "data.circumstances" => nameof(Circumstances),
        var other => other,
    };

    private async Task<bool> LoadAsync()
    {
        try
        {
            History = await reader.ForChildAsync(User.ToActor(), PersonId!.Value, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }
}
