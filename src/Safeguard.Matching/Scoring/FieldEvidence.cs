namespace Safeguard.Matching.Scoring;

/// <summary>What one field contributed to a decision.</summary>
/// <param name="Field">The field compared.</param>
/// <param name="Level">The comparison level reached ("exact", "nickname or variant", "missing", ...).</param>
/// <param name="Weight">Bits of evidence (log2 Bayes factor) from that level; negative counts against.</param>
/// <param name="TermFrequencyAdjustment">Extra bits for agreeing on a rare value (negative for a common one), included in <paramref name="Weight"/>.</param>
public sealed record FieldEvidence(string Field, string Level, double Weight, double TermFrequencyAdjustment);
