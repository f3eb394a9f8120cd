namespace Safeguard.Core.Rules;

/// <summary>Something a rule produces for one person, explaining itself (E2): the rule, a sentence naming the
/// facts, and the events behind it. <see cref="Key"/> is stable across re-runs, so storing outputs by key
/// never duplicates them.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="PersonId">The person the output is about.</param>
/// <param name="Code">The flag, task or alert code (API.md).</param>
/// <param name="Key">Rule + person + what it is about; unique across all outputs.</param>
/// <param name="Explanation">One sentence naming the facts.</param>
/// <param name="EventIds">The events that led to it, in chronology order.</param>
public abstract record RuleOutput(string Rule, Guid PersonId, string Code, string Key, string Explanation, IReadOnlyList<string> EventIds)
{
    /// <summary>The kind of output, as written in API responses: flag, task, alert or task-closure.</summary>
    public abstract string Kind { get; }

    /// <summary>When the facts it rests on happened: the time of the latest of its events. The engine fills it
    /// (rules need not), so a profile "as of" an instant shows what the events up to then had produced.</summary>
    public DateTimeOffset EffectiveAt { get; init; }

    /// <summary>Builds a key from its parts: rule, person, then what it is about.</summary>
    public static string KeyFor(string rule, Guid personId, params string[] about) =>
        string.Join(':', [rule, personId.ToString("D"), .. about]);
}
