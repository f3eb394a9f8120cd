namespace Safeguard.Core.Rules.Protection;

/// <summary>PP1 / I7: the local authority must be told as soon as practicable that a child is in police protection
/// (Children Act 1989 s46(3)(a)). A <c>police-protection</c> that does not say when it was told raises a
/// <c>police-protection-la-informed</c> task for the designated officer, due <c>PP1.localAuthorityInformedHours</c> (2)
/// after the start and closed by a <c>police-protection-la-informed</c> for the child; it escalates while open. None is
/// raised when the start, or the end of that spell, already gives the time the local authority was told.</summary>
public sealed class LocalAuthorityInformedRule : IRule
{
    /// <inheritdoc />
    public string Name => "PP1-local-authority-informed";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "police-protection" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var start = context.Trigger;
        if (!context.IsChildIn(start, context.PersonId) || start.Instant("localAuthorityInformedAt") is not null) yield break;
        var end = context.Chronology.FirstOrDefault(e => e.Type is "police-protection" or "police-protection-ended"
            && ChronologyEvent.Order.Compare(e, start) > 0);
        if (end is { Type: "police-protection-ended" } && end.Instant("localAuthorityInformedAt") is not null) yield break;

        int hours = context.Settings.PoliceProtectionInformHours;
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.PoliceProtectionLaInformed,
            RuleOutput.KeyFor(Name, context.PersonId, start.Id),
            $"Taken into police protection on {Mention.Time(start.OccurredAt)}: tell the local authority as soon as practicable, within {hours} hours, and record when.",
            [start.Id],
            context.Calendar.AddHours(start.OccurredAt, hours),
            Teams.DesignatedOfficer,
            new TaskFulfilment("police-protection-la-informed", NotBefore: start.OccurredAt));
    }
}
