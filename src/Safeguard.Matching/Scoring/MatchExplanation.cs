namespace Safeguard.Matching.Scoring;

/// <summary>Why two records were (or were not) judged one person: the prior, every field's level
/// and weight, and the resulting total and probability.</summary>
/// <param name="PriorWeight">Bits from the prior share of matches among candidate pairs.</param>
/// <param name="Fields">Evidence per field, in comparison order.</param>
/// <param name="MatchWeight">Prior plus all field weights, in bits.</param>
/// <param name="Probability">The match probability that weight corresponds to.</param>
public sealed record MatchExplanation(double PriorWeight, IReadOnlyList<FieldEvidence> Fields, double MatchWeight, double Probability)
{
    /// <summary>One line per field, e.g. "surname: exact (+9.1)", for logs without personal data.</summary>
    public override string ToString() =>
        $"weight {MatchWeight:+0.0;-0.0} (p={Probability:0.000}): " +
        string.Join(", ", Fields.Select(f => $"{f.Field} {f.Level} ({f.Weight:+0.0;-0.0})"));
}
