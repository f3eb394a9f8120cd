using Safeguard.Core.Flags;

namespace Safeguard.Core.Rules.Queues;

/// <summary>How urgent a queued item (a digital forensic request, a charging file) is, and why.</summary>
/// <param name="High">True when a child in it is at high risk.</param>
/// <param name="Reasons">The reasons in plain words (with <see cref="Mention"/> placeholders), empty when standard.</param>
/// <param name="EventIds">The events the reasons rest on.</param>
public sealed record QueuePriority(bool High, IReadOnlyList<string> Reasons, IReadOnlyList<string> EventIds)
{
    public const string HighCode = "high";
    public const string StandardCode = "standard";

    public static QueuePriority Standard { get; } = new(false, [], []);

    /// <summary><c>high</c> or <c>standard</c>.</summary>
    public string Code => High ? HighCode : StandardCode;

    /// <summary>I3, I4: the priority of an item from the risk of the child it is about, as it stood when the item was opened
    /// (a request made, a file submitted). High when any of these holds for the child:
    /// <list type="number">
    /// <item>the item itself asks for <c>priority: high</c> (an officer's judgement raises, never lowers);</item>
    /// <item>the child held a live flag of <see cref="HighRiskFlags"/> (suggested or confirmed, raised no later than the item);</item>
    /// <item>the latest risk grade recorded for the child at or before the item (an <c>incident</c>, <c>ppn</c> or
    /// <c>missing-reported</c> <c>riskGrade</c>) is <c>high</c>.</item>
    /// </list>
    /// Otherwise standard. Pure: the rules and the queue pages call it with the same events and flags.</summary>
    /// <param name="item">The event that opened the item.</param>
    /// <param name="child">The child the item is about.</param>
    /// <param name="chronology">The child's events (any order).</param>
    /// <param name="flags">The child's flags.</param>
    public static QueuePriority Assess(ChronologyEvent item, Guid child, IEnumerable<ChronologyEvent> chronology, IEnumerable<FlagFact> flags)
    {
        var reasons = new List<string>();
        var ids = new List<string>();
        if (string.Equals(item.Text("priority")?.Trim(), HighCode, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("it was marked high priority");
            ids.Add(item.Id);
        }
        var held = flags.Where(f => HighRiskFlags.Contains(f.Code) && f.Status is FlagStatus.Suggested or FlagStatus.Confirmed
                && (f.Since is not { } since || since <= item.OccurredAt))
            .Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        reasons.AddRange(held.Select(code => $"the child has the flag \u201c{FlagCodes.Names[code]}\u201d"));
        var graded = chronology.Where(e => e.Involves(child) && e.Id != item.Id && GradedTypes.Contains(e.Type) && e.Text("riskGrade") is not null
                && ChronologyEvent.Order.Compare(e, item) <= 0)
            .OrderBy(e => e, ChronologyEvent.Order).LastOrDefault();
        if (graded?.Text("riskGrade") == "high")
        {
            reasons.Add($"the child was graded high risk in the {Mention.EventType(graded.Type)} of {Mention.Date(graded.OccurredAt)}");
            ids.Add(graded.Id);
        }
        return reasons.Count == 0 ? Standard : new(true, reasons, ids);
    }

    /// <summary>Flags that make a child high risk for the queues.</summary>
    public static readonly IReadOnlySet<string> HighRiskFlags = new HashSet<string> { "cse-risk", "cce-risk", "da-high-risk", "child-protection-plan" };

    /// <summary>Event types that carry a risk grade for the child.</summary>
    public static readonly IReadOnlySet<string> GradedTypes = new HashSet<string> { "incident", "ppn", "missing-reported" };

    /// <summary>The children an item is about: role <c>child</c>, else <c>victim</c>.</summary>
    public static IReadOnlyList<Guid> ChildrenIn(ChronologyEvent item) =>
        item.PeopleInRole("child") is { Count: > 0 } children ? children : item.PeopleInRole("victim");
}
