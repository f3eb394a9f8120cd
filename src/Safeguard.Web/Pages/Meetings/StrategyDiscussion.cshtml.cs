using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Meetings;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>I5, WT2: record a strategy discussion — when, the agencies present, whether section 47 enquiries start (which
/// makes the initial child protection conference due, WT3) and each decision as an owned action with a due date.
/// Recording it closes the strategy discussion task raised by the concern.</summary>
public sealed class StrategyDiscussionModel(PersonAccess access, AuditLog audit, PeopleFinder finder, MeetingService meetings, EventService events, TimeProvider clock)
    : MeetingFormPage(access, audit, finder, meetings, events, clock)
{
    [BindProperty] public List<string> Agencies { get; set; } = [];
    [BindProperty] public string? Section47 { get; set; }

    protected override string EventType => "strategy-discussion";

    protected override void CheckOwnAnswers()
    {
        Agencies = Agencies.Where(a => AgencyOnlyChoices.Any(c => c.Value == a)).Distinct().ToList();
        if (Agencies.Count == 0) ModelState.AddModelError(nameof(Agencies), "Choose the agencies present: at least children's social care, health and police");
        if (Section47 is not ("yes" or "no")) ModelState.AddModelError(nameof(Section47), "Say whether section 47 enquiries will start");
    }

    protected override Dictionary<string, object?> Data() => new() { ["agencies"] = Agencies, ["section47"] = Section47 == "yes" };

    protected override string MapField(string field) => field switch
    {
        "data.agencies" => nameof(Agencies), "data.section47" => nameof(Section47), _ => field,
    };

    protected override (string Title, IReadOnlyList<string> Details) Confirmation() => ("Strategy discussion recorded",
    [
        $"Held {UkTime.Show(Held)}",
        $"Agencies present: {string.Join(", ", Agencies.Select(AgencyName))}",
        Section47 == "yes" ? "Section 47 enquiries start" : "No section 47 enquiries",
        Checked.Count == 0 ? "No decisions recorded" : $"{Checked.Count} {(Checked.Count == 1 ? "action" : "actions")} recorded, each with an owner and a due date",
    ]);
}
