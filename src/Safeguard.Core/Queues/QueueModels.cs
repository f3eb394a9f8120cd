using Safeguard.Core.Cases;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Queues;

/// <summary>A queue: its name in the API (<c>forensic</c>, <c>charging</c>), the case type behind it, the event that opens
/// an item, which case fields say what it is about and how it ended, and its target (IN2, IN3).</summary>
public sealed record QueueKind(string Name, string Title, string CaseType, string OpeningType, string SubjectField, string OutcomeField,
    Func<RuleSettings, bool, int> TargetDays);

public static class QueueKinds
{
    public static readonly QueueKind Forensic = new("forensic", "Digital forensic requests", CaseTypes.ForensicRequest, "forensic-request",
        "device", "findings", (s, high) => high ? s.ForensicTargetDaysHighRisk : s.ForensicTargetDays);

    public static readonly QueueKind Charging = new("charging", "Charging files", CaseTypes.ChargingFile, "charging-file-submitted",
        "offence", "decision", (s, _) => s.ChargingDecisionDays);

    public static readonly IReadOnlyList<QueueKind> All = [Forensic, Charging];

    public static QueueKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}

/// <summary>What a queue is read with: <c>status</c> waiting (default), done or all; items finished in the last
/// <c>days</c> (90) count as done and in the figures; optionally one team's.</summary>
public sealed record QueueFilter(string Kind, string? Status = null, string? Team = null, int Days = 90, int Page = 1, int PageSize = 50);

/// <summary>A child an item is about.</summary>
public sealed record QueuePerson(Guid PersonId, string Name);

/// <summary>One item in a queue. <c>Priority</c> is high or standard, with the reasons in words; <c>DueAt</c> is the
/// opening time plus <c>TargetDays</c>; <c>Overdue</c> when still open past it (judged when read).</summary>
public sealed record QueueEntry(string Id, string Queue, string Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, string? Team,
    IReadOnlyList<QueuePerson> Children, string Priority, IReadOnlyList<string> PriorityReasons, int TargetDays, DateTimeOffset DueAt, bool Overdue,
    string? InvestigationId, string? Subject, string? Outcome, string? RequestedPriority)
{
    /// <summary>Days waited: until finished, or until now.</summary>
    public double WaitDays(DateTimeOffset now) => ((ClosedAt ?? now) - OpenedAt).TotalDays;
}

/// <summary>Waiting-time figures (M1 "time to charging decision", "digital forensic waiting time").</summary>
public sealed record QueueFigures(int Waiting, int Overdue, int HighPriorityWaiting, double? LongestWaitingDays,
    int Done, double? MedianDaysDone, double? LongestDaysDone, int? PercentWithinTarget);

/// <summary>One page of a queue, the true total, the figures, and the targets in force (standard and high priority, in days).</summary>
public sealed record QueuePage(string Queue, string Title, IReadOnlyList<QueueEntry> Items, int Page, int PageSize, int Total,
    QueueFigures Figures, int Days, int TargetDays, int HighPriorityTargetDays);
