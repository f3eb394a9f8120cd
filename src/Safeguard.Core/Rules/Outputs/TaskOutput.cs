namespace Safeguard.Core.Rules;

/// <summary>A task due by a time, for a team, closed by the event described in <see cref="ClosesWhen"/>.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="PersonId">The person the task is about.</param>
/// <param name="Code">The task code (API.md).</param>
/// <param name="Key">Stable key; store it as <c>WorkTask.Key</c>.</param>
/// <param name="Explanation">One sentence naming the facts.</param>
/// <param name="EventIds">The events that led to it.</param>
/// <param name="DueAt">When it is due (UTC), computed from event times by the calendar.</param>
/// <param name="AssignedTo">The team or role (see <see cref="Teams"/>).</param>
/// <param name="ClosesWhen">The event that fulfils it; store as <c>WorkTask.ClosesWhen</c>.</param>
public sealed record TaskOutput(
    string Rule, Guid PersonId, string Code, string Key, string Explanation, IReadOnlyList<string> EventIds,
    DateTimeOffset DueAt, string AssignedTo, TaskFulfilment ClosesWhen)
    : RuleOutput(Rule, PersonId, Code, Key, Explanation, EventIds)
{
    /// <inheritdoc />
    public override string Kind => "task";
}
