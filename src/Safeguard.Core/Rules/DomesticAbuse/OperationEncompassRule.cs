namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>DA4 / H2: for a domestic abuse incident with a child of school age (or of unknown age), the child's school
/// is notified before the next school day starts. Raises an <c>operation-encompass</c> task for the MASH, due at the
/// start of the first school day after the incident (school term dates are not modelled: every working day is a
/// school day); closed by an <c>operation-encompass</c> event for the child at or after the incident.</summary>
public sealed class OperationEncompassRule : IRule
{
    /// <inheritdoc />
    public string Name => "DA4-operation-encompass";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "incident" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var incident = context.Trigger;
        if (!DomesticAbuseIncident.Is(incident) || !DomesticAbuseIncident.IsChildIn(context, context.PersonId)) yield break;
        var age = context.Subject.AgeAt(incident.OccurredAt);
        int youngest = context.Settings.Int("DA4.minimumSchoolAge"), oldest = context.Settings.Int("DA4.maximumSchoolAge");
        if (age < youngest || age > oldest) yield break;

        var due = context.Calendar.StartOfNextSchoolDay(incident.OccurredAt, context.Settings.SchoolDayStart);
        var ageText = age is { } years ? $"aged {years}" : "of unknown age";
        yield return new TaskOutput(Name, context.PersonId, "operation-encompass",
            RuleOutput.KeyFor(Name, context.PersonId, incident.Id),
            $"A child {ageText} was in the domestic abuse incident on {Mention.Time(incident.OccurredAt)}: tell the school before the next school day starts.",
            [incident.Id], due, Teams.Mash,
            new TaskFulfilment("operation-encompass", NotBefore: incident.OccurredAt));
    }
}
