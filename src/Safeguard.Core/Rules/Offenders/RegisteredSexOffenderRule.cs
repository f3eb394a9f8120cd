namespace Safeguard.Core.Rules.Offenders;

/// <summary>K1 / C2: a registration on the sex offenders register suggests the <c>registered-sex-offender</c> flag on the
/// offender, so it shows wherever they appear (C3). A suggestion, as every rule's flag is (C4): a supervisor confirms it.</summary>
public sealed class RegisteredSexOffenderRule : IRule
{
    /// <inheritdoc />
    public string Name => "K1-registered-sex-offender";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "offender-registered" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        if (!context.SubjectIs("offender")) yield break;
        var e = context.Trigger;
        var category = OffenderStanding.Scalar(e, "mappaCategory");
        var level = OffenderStanding.Scalar(e, "mappaLevel");
        var mappa = category is null || level is null ? "" : $", MAPPA category {category} level {level}";
        yield return new FlagSuggestion(Name, context.PersonId, "registered-sex-offender",
            RuleOutput.KeyFor(Name, context.PersonId, e.Id),
            $"Registered as a sex offender on {Mention.Date(e.OccurredAt)}: {(e.Text("riskLevel") ?? "low").Replace('-', ' ')} risk{mappa}.",
            [e.Id]);
    }
}
