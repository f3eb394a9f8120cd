namespace Safeguard.Core.Work;

/// <summary>Something a team must do by a time, raised by a rule (E1) and closed by the event that
/// fulfils it. "Overdue" is not stored: it is judged against the clock when read.</summary>
public sealed class WorkTask
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public string Code { get; set; } = "";
    /// <summary>open or done (overdue is derived).</summary>
    public string Status { get; set; } = TaskStatus.Open;
    public DateTimeOffset DueAt { get; set; }
    /// <summary>The team (or role) the task is assigned to.</summary>
    public string AssignedTo { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedByEventId { get; set; }
    public string Rule { get; set; } = "";
    public string Explanation { get; set; } = "";
    public List<string> EventIds { get; set; } = [];
    /// <summary>Identifies the output among all the rule could make, so re-running a rule never duplicates it.</summary>
    public string Key { get; set; } = "";
    /// <summary>What closes the task, as written by <c>Rules.TaskFulfilment.ToJson</c>; the rules engine reads it
    /// back (through <c>Rules.PersonFacts.From</c>) to close the task when the fulfilling event arrives.</summary>
    public string? ClosesWhen { get; set; }
    /// <summary>When the facts it rests on happened (event time); <see cref="CreatedAt"/> is when it was raised.</summary>
    public DateTimeOffset EffectiveAt { get; set; }
    /// <summary>The person whose derivation made it: re-deriving them reconciles exactly the outputs they own.</summary>
    public Guid? DerivedFor { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>Why the rules cancelled it: the history no longer supports it.</summary>
    public string? CancelReason { get; set; }
    /// <summary>The user (username) the task is assigned to within the team, if any; null means the whole team.</summary>
    public string? AssignedUser { get; set; }
    /// <summary>Who completed the task by hand and what they did (issue 8 point 3); null when an event closed it.</summary>
    public string? CompletedBy { get; set; }
    public string? CompletionNote { get; set; }
    /// <summary>Raised by one on every decision by hand (complete, assign): a decision may name the version it was made on.</summary>
    public int Version { get; set; } = 1;

    public string StatusAt(DateTimeOffset now) =>
        Status is TaskStatus.Done or TaskStatus.Cancelled ? Status : DueAt < now ? TaskStatus.Overdue : TaskStatus.Open;
}

public static class TaskStatus
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Overdue = "overdue";
    /// <summary>Withdrawn by the rules when the history no longer supports it (never for a task done).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A status in words: "Open", "Overdue", "Done", "Withdrawn".</summary>
    public static string Describe(string status) => status switch
    {
        Open => "Open",
        Done => "Done",
        Overdue => "Overdue",
        Cancelled => "Withdrawn",
        _ => Rules.Teams.Describe(status),
    };
}

/// <summary>A notice raised by a rule for an audience (supervisors, control room, offender manager).</summary>
public sealed class Alert
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public string Code { get; set; } = "";
    public string Audience { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string Rule { get; set; } = "";
    public string Explanation { get; set; } = "";
    public List<string> EventIds { get; set; } = [];
    public string Key { get; set; } = "";
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    /// <summary>When the facts it rests on happened (event time); <see cref="CreatedAt"/> is when it was raised.</summary>
    public DateTimeOffset EffectiveAt { get; set; }
    /// <summary>The person whose derivation made it (null for alerts a timer raised, such as task-overdue).</summary>
    public Guid? DerivedFor { get; set; }
    /// <summary>Set when the history no longer supports it: the alert is withdrawn, never deleted.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawReason { get; set; }
    /// <summary>What the person who acknowledged the alert noted (what they did about it).</summary>
    public string? AcknowledgeNote { get; set; }
    /// <summary>Raised by one when the alert is acknowledged: a decision may name the version it was made on.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>When a user (or API client) last marked their worklist as seen: tasks and alerts raised after it show as new.</summary>
public sealed class WorklistLook
{
    public string ActorId { get; set; } = "";
    public DateTimeOffset SeenAt { get; set; }
}
