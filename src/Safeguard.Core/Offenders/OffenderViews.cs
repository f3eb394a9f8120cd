using Safeguard.Core.Profiles;

namespace Safeguard.Core.Offenders;

/// <summary>A registered sex offender on a caseload (K1): who manages them, their risk, and the next visit and
/// notification due. <see cref="VisitOverdue"/> is judged against the clock when read.</summary>
public sealed record OffenderRow(Guid PersonId, string Name, string RiskLevel, string? MappaCategory, string? MappaLevel, string? Manager,
    string Unit, DateTimeOffset? LastVisitAt, TaskView? NextVisit, TaskView? NextNotification)
{
    public bool VisitOverdue => NextVisit?.Status == Work.TaskStatus.Overdue;
    public bool NotificationOverdue => NextNotification?.Status == Work.TaskStatus.Overdue;
}

/// <summary>One offender manager's caseload against SO4: <see cref="Over"/> when they manage more than the setting.</summary>
public sealed record ManagerCaseload(string Manager, string Unit, int Offenders, int OverdueVisits, int Threshold)
{
    public bool Over => Offenders > Threshold;
}

/// <summary>A unit's offender managers (K2): offenders per manager against SO4; <see cref="Over"/> when the unit's
/// average is above it or any of its managers is.</summary>
public sealed record UnitCaseload(string Unit, int Offenders, int OverdueVisits, int Threshold, IReadOnlyList<ManagerCaseload> Managers)
{
    public double OffendersPerManager => Managers.Count == 0 ? 0 : Math.Round((double)Offenders / Managers.Count, 1);
    public int ManagersOver => Managers.Count(m => m.Over);
    public bool Over => OffendersPerManager > Threshold || ManagersOver > 0;
}

/// <summary>The caseload measure (K2, SO4): every unit, those over first.</summary>
public sealed record CaseloadReport(int Threshold, IReadOnlyList<UnitCaseload> Units, DateTimeOffset At);

/// <summary>An event in an offender's record, in words, for their page.</summary>
public sealed record OffenderEventView(string EventId, string Type, string Description, DateTimeOffset OccurredAt, string RecordedBy, string Unit,
    string Summary, IReadOnlyList<ChronologyPerson> People);

/// <summary>A briefing to a neighbourhood team and whether the team acknowledged it (K3).</summary>
public sealed record BriefingView(string EventId, string Team, string Summary, DateTimeOffset SentAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>Everything about one registered sex offender's management (K1, K3, K4): standing, plan, notification
/// requirements, tasks due, visits, notifications, briefings, sightings and the children they are linked to.</summary>
public sealed record OffenderView(PersonView Person, IReadOnlyList<FlagTag> Flags, string RiskLevel, string? MappaCategory, string? MappaLevel,
    string? Manager, int VisitMonths, bool VisitMonthsFromPlan, bool NoFixedAbode, DateTimeOffset RegisteredAt, string? NotificationPeriod,
    string? PlanSummary, IReadOnlyList<TaskView> Tasks, IReadOnlyList<OffenderEventView> Visits, IReadOnlyList<OffenderEventView> Notifications,
    IReadOnlyList<BriefingView> Briefings, IReadOnlyList<OffenderEventView> Sightings, IReadOnlyList<AlertView> ChildAlerts);

/// <summary>A registered sex offender linked to a child (D3), as shown on the child's profile.</summary>
public sealed record LinkedOffenderView(Guid PersonId, string Name, string RiskLevel, string? Manager, IReadOnlyList<string> EventIds, IReadOnlyList<string> How);
