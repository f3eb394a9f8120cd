using Safeguard.Core.Cases;
using Safeguard.Core.Profiles;

namespace Safeguard.Core.Investigations;

/// <summary>Where an investigation's supervisory review stands (IN1): <c>overdue</c> past its due time, <c>due</c> within
/// the window asked for, <c>not-due</c>, or <c>none</c> once closed. Judged against the clock when read.</summary>
public static class ReviewStates
{
    public const string Overdue = "overdue";
    public const string Due = "due";
    public const string NotDue = "not-due";
    public const string None = "none";
}

/// <summary>An investigation in a list: who it is about, its team and when its next supervisory review is due.</summary>
public sealed record InvestigationRow(string Id, string Status, string? Team, string TeamName, IReadOnlyList<string> OffenceTypes,
    IReadOnlyList<CasePersonView> People, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, DateTimeOffset? LastReviewAt,
    DateTimeOffset? ReviewDueAt, string ReviewState)
{
    /// <summary>The victims (children first in the API's role order), for a list to name.</summary>
    public IReadOnlyList<CasePersonView> Victims => People.Where(p => p.Role is "victim" or "child").ToList();
}

/// <summary>One page of investigations and the true total.</summary>
public sealed record InvestigationList(IReadOnlyList<InvestigationRow> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A supervisory review as recorded: when, by whom, what was checked and the next actions (I2).</summary>
public sealed record ReviewView(string EventId, DateTimeOffset At, string By, string Checked, IReadOnlyList<string> NextActions);

/// <summary>An event of the investigation in words, for its history.</summary>
public sealed record InvestigationEventView(string EventId, string Type, string Description, DateTimeOffset OccurredAt, string RecordedBy, string Summary);

/// <summary>Everything about one investigation: its people, offences, team, allocation, reviews, next actions, outcome
/// and history, with its open supervisory review tasks.</summary>
public sealed record InvestigationView(InvestigationRow Summary, DateTimeOffset? AllocatedAt, string? NonSpecialistReason,
    IReadOnlyList<ReviewView> Reviews, IReadOnlyList<string> NextActions, string? OutcomeForChild, bool? ChildInformed, string? HowInformed,
    IReadOnlyList<InvestigationEventView> History, IReadOnlyList<TaskView> Tasks, IReadOnlyList<AlertView> Alerts);
