namespace Safeguard.Core.Rules.Protection;

/// <summary>PP1 / I7: a child taken into police protection may be kept no longer than <c>PP1.policeProtectionHours</c>
/// (72). A <c>police-protection-limit</c> task for the designated officer falls due at the limit and closes on a
/// <c>police-protection-ended</c> for the child.</summary>
public sealed class PoliceProtectionLimitRule : IRule
{
    /// <inheritdoc />
    public string Name => "PP1-police-protection-limit";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "police-protection" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var start = context.Trigger;
        if (!context.IsChildIn(start, context.PersonId)) yield break;
        int hours = context.Settings.PoliceProtectionHours;
        yield return new TaskOutput(Name, context.PersonId, "police-protection-limit",
            RuleOutput.KeyFor(Name, context.PersonId, start.Id),
            $"Taken into police protection on {Mention.Time(start.OccurredAt)}: the child may be kept no longer than {hours} hours.",
            [start.Id],
            context.Calendar.AddHours(start.OccurredAt, hours),
            Teams.DesignatedOfficer,
            new TaskFulfilment("police-protection-ended", NotBefore: start.OccurredAt));
    }
}
