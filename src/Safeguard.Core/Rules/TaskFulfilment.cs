using System.Text.Json;

namespace Safeguard.Core.Rules;

/// <summary>What closes a task: an event of a type, involving the task's person, optionally with a data field
/// equal to a value (e.g. a <c>return-interview</c> whose <c>missingEventId</c> is the episode), and optionally
/// happening no earlier than a time (a strategy discussion held before the concern cannot answer it).</summary>
/// <param name="EventType">The event type that fulfils the task.</param>
/// <param name="Field">A data field that must match, or null.</param>
/// <param name="Value">The value <paramref name="Field"/> must have.</param>
/// <param name="NotBefore">The fulfilling event must have happened at or after this, or null for any time.</param>
public sealed record TaskFulfilment(string EventType, string? Field = null, string? Value = null, DateTimeOffset? NotBefore = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>True when <paramref name="candidate"/> fulfils the task of <paramref name="personId"/>.</summary>
    public bool IsFulfilledBy(ChronologyEvent candidate, Guid personId) =>
        candidate.Type == EventType
        && candidate.Involves(personId)
        && (Field is null || candidate.Text(Field) == Value)
        && (NotBefore is not { } notBefore || candidate.OccurredAt >= notBefore);

    /// <summary>As stored in <see cref="Work.WorkTask.ClosesWhen"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static TaskFulfilment Parse(string json) =>
        JsonSerializer.Deserialize<TaskFulfilment>(json, Json) ?? throw new JsonException("Empty task fulfilment.");

    /// <summary>A sentence for explanations: "a return-interview with missingEventId m-1".</summary>
    public string Describe() => Field is null ? $"a {EventType}" : $"a {EventType} with {Field} {Value}";
}
