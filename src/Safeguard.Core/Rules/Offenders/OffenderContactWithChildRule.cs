namespace Safeguard.Core.Rules.Offenders;

/// <summary>K4 / D3: a registered sex offender reported in contact with a child (<c>offender-contact-with-child</c>, a
/// sighting with a child), found to live at or be linked to a child's address (<c>offender-address-link</c>, made by
/// address matching), or linked to a child in any other event once registered, raises an alert
/// <c>offender-contact-with-child</c> to the offender manager on the offender, and one on the child for supervisors, each
/// with the event. A child is anyone in the role <c>child</c>, or a victim under 18. Events before the registration are
/// not read: the offence that led to it is already known to the offender manager.</summary>
public sealed class OffenderContactWithChildRule : IRule
{
    /// <inheritdoc />
    public string Name => "K4-offender-contact-with-child";

    // Any event can link an offender to a child: the rule reacts to every type and reads the people in it.
    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = Records.Vocabulary.EventTypes;

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var trigger = context.Trigger;
        // Registered by the time of the event (an address found at registration has the registration's time).
        var upToThen = context.Chronology.Where(e => e.OccurredAt <= trigger.OccurredAt).ToList();
        if (OffenderStanding.At(upToThen, context.PersonId) is not { } standing) yield break;
        if (trigger.Type == "offender-registered") yield break;
        var children = trigger.People.Select(p => p.PersonId).Distinct().Order()
            .Where(id => id != context.PersonId && context.IsChildIn(trigger, id)).ToList();
        foreach (var child in children)
        {
            var how = How(trigger, child);
            yield return new AlertOutput(Name, context.PersonId, OutputCodes.Alerts.OffenderContactWithChild,
                RuleOutput.KeyFor(Name, context.PersonId, trigger.Id, child.ToString("D")),
                $"{Mention.Person(context.PersonId)}, a registered sex offender ({standing.RiskWords} risk), {how} {Mention.Person(child)} " +
                $"on {Mention.Date(trigger.OccurredAt)}.",
                [trigger.Id],
                standing.Audience);
            yield return new AlertOutput(Name, child, OutputCodes.Alerts.OffenderContactWithChild,
                RuleOutput.KeyFor(Name, child, trigger.Id, context.PersonId.ToString("D")),
                $"{Mention.Person(child)} is linked to {Mention.Person(context.PersonId)}, a registered sex offender ({standing.RiskWords} risk): " +
                $"{Mention.Person(context.PersonId)} {how} the child on {Mention.Date(trigger.OccurredAt)}.",
                [trigger.Id],
                Audiences.Supervisor);
        }
    }

    private static string How(ChronologyEvent e, Guid child) => e.Type switch
    {
        "offender-contact-with-child" => "was reported in contact with",
        "offender-sighting" => "was seen by an officer with",
        "offender-address-link" => $"gives an address ({e.Text("address")}, {e.Text("postcode")}) that is the home address of",
        "offender-notification" => "notified a stay in the household of",
        "relationship" => $"was recorded as {Article(e.Text("kind"))} of",
        _ => $"was named in {Article(Mention.EventType(e.Type))} with",
    };

    private static string Article(string? words)
    {
        var w = (words ?? "associate").Replace('-', ' ');
        return ("aeiou".Contains(char.ToLowerInvariant(w[0])) ? "an " : "a ") + w;
    }
}
