namespace Safeguard.Core.Derivation;

/// <summary>A durable wake-up (E7): at <see cref="DueAt"/> the clock worker does <see cref="What"/> once, and marks
/// <see cref="FiredAt"/>. Timers live in the database, so a restart loses none and a missed one is caught up once.</summary>
public sealed class ClockTimer
{
    public Guid Id { get; set; }
    /// <summary>Unique: <c>task-overdue:{task key}</c> or <c>wake-up:{output key}</c>; storing the same key again updates it.</summary>
    public string Key { get; set; } = "";
    /// <summary>The person the timer is about.</summary>
    public Guid PersonId { get; set; }
    /// <summary>The person whose derivation asked for it (wake-ups); null for a task's deadline.</summary>
    public Guid? DerivedFor { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary><see cref="TimerKinds.TaskOverdue"/> or <see cref="TimerKinds.WakeUp"/>.</summary>
    public string What { get; set; } = "";
    /// <summary>The task key (task-overdue) or rule output key (wake-up).</summary>
    public string About { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    /// <summary>Set when what it waited for no longer needs it (the task is done or cancelled, the wake-up not asked for).</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>What a timer does when it fires.</summary>
public static class TimerKinds
{
    /// <summary>Raise a <c>task-overdue</c> alert if the task is still open.</summary>
    public const string TaskOverdue = "task-overdue";
    /// <summary>Derive the person again with the run's time set to the due time.</summary>
    public const string WakeUp = "wake-up";
}
