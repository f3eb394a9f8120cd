using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Meetings;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>I6, WT3, WT4, WT6: record a child protection conference (initial or review), MARAC, MAPPA or CSE risk meeting
/// once for every child it was about — the agencies invited and those that came, whether police attended (who, at what
/// rank), the plan category (conferences only, WT6's four) and each decision as an owned action. An ICPC closes the
/// conference task of the strategy discussion; a conference that makes a plan makes the next review due.</summary>
public sealed class RecordModel(PersonAccess access, AuditLog audit, PeopleFinder finder, MeetingService meetings, EventService events, TimeProvider clock)
    : MeetingFormPage(access, audit, finder, meetings, events, clock)
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public List<string> InvitedAgencies { get; set; } = [];
    [BindProperty] public List<string> AttendedAgencies { get; set; } = [];
    [BindProperty] public string? PoliceAttended { get; set; }
    [BindProperty] public string? PoliceAttendee { get; set; }
    [BindProperty] public string? PoliceRank { get; set; }
    [BindProperty] public string? PlanCategory { get; set; }

    public IReadOnlyList<Choice> KindChoices => MeetingTerms.Kinds.Select(k => new Choice(k.Code, k.Words)).ToList();
    public IReadOnlyList<Choice> RankChoices => MeetingTerms.Ranks.Select(r => new Choice(r.Code, $"{r.Words} ({r.Code})")).ToList();
    public IReadOnlyList<Choice> PlanChoices =>
        [new Choice("", "No plan", "The child is not (or no longer) subject to a child protection plan"), .. MeetingTerms.PlanCategories.Select(c => new Choice(c.Code, c.Words))];

    protected override string EventType => "meeting";

    /// <summary>An adult at a MARAC is the victim, at MAPPA the offender; a child is always the child.</summary>
    protected override string FirstRole =>
        Child?.AgeOn(Core.Calendar.SafeguardCalendar.LondonDate(Clock.GetUtcNow())) is >= 18 ? Kind switch { "marac" => "victim", "mappa" => "offender", _ => "child" } : "child";

    protected override void CheckOwnAnswers()
    {
        if (MeetingTerms.Kinds.All(k => k.Code != Kind)) ModelState.AddModelError(nameof(Kind), "Choose what kind of meeting it was");
        var agencies = AgencyOnlyChoices.Select(c => c.Value).ToHashSet();
        InvitedAgencies = InvitedAgencies.Where(agencies.Contains).Distinct().ToList();
        AttendedAgencies = AttendedAgencies.Where(agencies.Contains).Distinct().ToList();
        if (InvitedAgencies.Count == 0) ModelState.AddModelError(nameof(InvitedAgencies), "Choose the agencies invited");
        if (AttendedAgencies.Except(InvitedAgencies).Any())
            ModelState.AddModelError(nameof(AttendedAgencies), "Only agencies that were invited can be recorded as attending: tick them as invited too");
        if (PoliceAttended is not ("yes" or "no")) ModelState.AddModelError(nameof(PoliceAttended), "Say whether police attended");
        if (PoliceAttended == "yes")
        {
            if (string.IsNullOrWhiteSpace(PoliceAttendee)) ModelState.AddModelError(nameof(PoliceAttendee), "Enter the name or collar number of the officer who attended");
            if (MeetingTerms.Ranks.All(r => r.Code != PoliceRank)) ModelState.AddModelError(nameof(PoliceRank), "Choose the rank of the officer who attended");
        }
        else { PoliceAttendee = null; PoliceRank = null; }
        if (!string.IsNullOrEmpty(PlanCategory))
        {
            if (!MeetingTerms.IsPlanCategory(PlanCategory)) ModelState.AddModelError(nameof(PlanCategory), "Choose one of the four plan categories: neglect, physical abuse, emotional abuse or sexual abuse");
            else if (!MeetingTerms.Conferences.Contains(Kind ?? "")) ModelState.AddModelError(nameof(PlanCategory), "Only a child protection conference makes a child protection plan: choose No plan");
        }
    }

    protected override Dictionary<string, object?> Data() => new()
    {
        ["kind"] = Kind, ["invitedAgencies"] = InvitedAgencies, ["attendedAgencies"] = AttendedAgencies, ["policeAttended"] = PoliceAttended == "yes",
        ["policeAttendee"] = EventForms.Blank(PoliceAttendee), ["policeAttendeeRank"] = EventForms.Blank(PoliceRank),
        ["planCategory"] = EventForms.Blank(PlanCategory),
    };

    protected override string MapField(string field) => field switch
    {
        "data.kind" => nameof(Kind), "data.invitedAgencies" => nameof(InvitedAgencies), "data.attendedAgencies" => nameof(AttendedAgencies),
        "data.policeAttended" => nameof(PoliceAttended), "data.policeAttendee" => nameof(PoliceAttendee), "data.policeAttendeeRank" => nameof(PoliceRank),
        "data.planCategory" => nameof(PlanCategory), _ => field,
    };

    public string PoliceWords => PoliceAttended == "yes" ? $"Yes: {PoliceAttendee}, {MeetingTerms.Rank(PoliceRank)}" : "No";

    protected override (string Title, IReadOnlyList<string> Details) Confirmation() => ($"{MeetingTerms.Kind(Kind)} recorded",
    [
        $"Held {UkTime.Show(Held)}",
        $"Agencies invited: {string.Join(", ", InvitedAgencies.Select(AgencyName))}",
        $"Police attended: {PoliceWords}",
        string.IsNullOrEmpty(PlanCategory) ? "No child protection plan" : $"Child protection plan: {MeetingTerms.PlanCategory(PlanCategory).ToLowerInvariant()}",
        Checked.Count == 0 ? "No decisions recorded" : $"{Checked.Count} {(Checked.Count == 1 ? "action" : "actions")} recorded, each with an owner and a due date",
    ]);
}
