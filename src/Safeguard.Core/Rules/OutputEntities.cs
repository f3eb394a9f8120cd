using Safeguard.Core.Flags;
using Safeguard.Core.Work;

namespace Safeguard.Core.Rules;

/// <summary>Turns rule outputs into the rows the caller stores. Pure: the caller decides what already exists
/// (by <see cref="RuleOutput.Key"/>) and saves.</summary>
public static class OutputEntities
{
    /// <summary>A new open task. <paramref name="createdAt"/> is the time of storing, not of the event.</summary>
    public static WorkTask ToWorkTask(this TaskOutput task, Guid id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        PersonId = task.PersonId,
        Code = task.Code,
        DueAt = task.DueAt,
        AssignedTo = task.AssignedTo,
        CreatedAt = createdAt,
        Rule = task.Rule,
        Explanation = task.Explanation,
        EventIds = task.EventIds.ToList(),
        Key = task.Key,
        ClosesWhen = task.ClosesWhen.ToJson(),
    };

    /// <summary>Marks <paramref name="task"/> done by the closure; false (and no change) when it was already done.</summary>
    public static bool Apply(this TaskClosure closure, WorkTask task)
    {
        if (task.Status == Work.TaskStatus.Done) return false;
        task.Status = Work.TaskStatus.Done;
        task.ClosedAt = closure.ClosedAt;
        task.ClosedByEventId = closure.ClosedByEventId;
        return true;
    }

    /// <summary>A new alert.</summary>
    public static Alert ToAlert(this AlertOutput alert, Guid id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        PersonId = alert.PersonId,
        Code = alert.Code,
        Audience = alert.Audience,
        CreatedAt = createdAt,
        Rule = alert.Rule,
        Explanation = alert.Explanation,
        EventIds = alert.EventIds.ToList(),
        Key = alert.Key,
    };

    /// <summary>The reason a suggestion gives, to add to an existing live flag of the same code or to a new one.</summary>
    public static FlagReason ToFlagReason(this FlagSuggestion suggestion, Guid flagId, DateTimeOffset at) => new()
    {
        FlagId = flagId,
        Rule = suggestion.Rule,
        Explanation = suggestion.Explanation,
        EventIds = suggestion.EventIds.ToList(),
        At = at,
        Key = suggestion.Key,
    };

    /// <summary>A new suggested flag with its first reason and history step (C4).</summary>
    public static Flag ToSuggestedFlag(this FlagSuggestion suggestion, Guid id, DateTimeOffset at) => new()
    {
        Id = id,
        PersonId = suggestion.PersonId,
        Code = suggestion.Code,
        Status = FlagStatus.Suggested,
        Since = at,
        RaisedBy = $"rule:{suggestion.Rule}",
        Reasons = [suggestion.ToFlagReason(id, at)],
        History = [new FlagHistoryEntry { FlagId = id, At = at, By = $"rule:{suggestion.Rule}", Status = FlagStatus.Suggested, Reason = suggestion.Explanation }],
    };
}
