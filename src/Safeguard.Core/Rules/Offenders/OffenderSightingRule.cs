namespace Safeguard.Core.Rules.Offenders;

/// <summary>K3: the feedback loop. An officer who sees or speaks with a registered sex offender records an
/// <c>offender-sighting</c>; the offender manager gets an alert <c>offender-sighting</c> naming where and when, so what
/// neighbourhood officers see reaches the person managing the risk.</summary>
public sealed class OffenderSightingRule : IRule
{
    /// <inheritdoc />
    public string Name => "K3-offender-sighting";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "offender-sighting" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var e = context.Trigger;
        if (!context.SubjectIs("offender")) yield break;
        var standing = OffenderStanding.At(context.Chronology, context.PersonId, e);
        var what = e.Text("kind") == "contact" ? "spoke with" : "saw";
        var where = e.Text("location") is { Length: > 0 } place ? $" at {place}" : "";
        var withChild = e.People.Any(p => p.PersonId != context.PersonId && context.IsChildIn(e, p.PersonId)) ? ", with a child" : "";
        yield return new AlertOutput(Name, context.PersonId, OutputCodes.Alerts.OffenderSighting,
            RuleOutput.KeyFor(Name, context.PersonId, e.Id),
            $"An officer {what} {Mention.Person(context.PersonId)}{where} on {Mention.Time(e.OccurredAt)}{withChild}.",
            [e.Id],
            Audiences.OffenderManagerOf(standing?.Manager));
    }
}
