using Safeguard.Matching.Scoring;

namespace Safeguard.Matching.Outcome;

/// <summary>An existing record that may be the incoming person, with the reasons.</summary>
/// <param name="RecordId">The existing record's id.</param>
/// <param name="Explanation">Per-field levels and weights, total weight and probability.</param>
public sealed record CandidateMatch(string RecordId, MatchExplanation Explanation)
{
    /// <summary>Probability that the incoming person is this record.</summary>
    public double Probability => Explanation.Probability;
}
