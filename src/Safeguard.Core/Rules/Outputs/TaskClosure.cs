namespace Safeguard.Core.Rules;

/// <summary>An event fulfils a task: mark the task whose key is <see cref="RuleOutput.Key"/> done, closed by
/// <see cref="ClosedByEventId"/> at <see cref="ClosedAt"/> (the event's time). A closure for a task that is
/// already done, or that does not exist, changes nothing.</summary>
public sealed record TaskClosure(
    string Rule, Guid PersonId, string Code, string Key, string Explanation, IReadOnlyList<string> EventIds,
    string ClosedByEventId, DateTimeOffset ClosedAt)
    : RuleOutput(Rule, PersonId, Code, Key, Explanation, EventIds)
{
    /// <inheritdoc />
    public override string Kind => "task-closure";
}
