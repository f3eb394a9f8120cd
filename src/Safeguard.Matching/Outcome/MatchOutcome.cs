namespace Safeguard.Matching.Outcome;

/// <summary>What matching one incoming person against existing records found: nobody, some
/// people to offer to a user (ranked, likeliest first), or one record that is certainly them.</summary>
public abstract record MatchOutcome
{
    private MatchOutcome() { }

    /// <summary>No existing record is likely enough to offer.</summary>
    public sealed record NoMatch : MatchOutcome;

    /// <summary>Records worth offering; a person decides. Ranked, likeliest first.</summary>
    /// <param name="Candidates">The candidates, each with its reasons.</param>
    public sealed record PossibleMatches(IReadOnlyList<CandidateMatch> Candidates) : MatchOutcome;

    /// <summary>One record is the incoming person beyond reasonable doubt and no other comes close.</summary>
    /// <param name="Match">The record.</param>
    /// <param name="Others">Other, much weaker candidates (may be empty).</param>
    public sealed record DefiniteMatch(CandidateMatch Match, IReadOnlyList<CandidateMatch> Others) : MatchOutcome;
}
