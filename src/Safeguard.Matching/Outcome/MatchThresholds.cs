namespace Safeguard.Matching.Outcome;

/// <summary>Where possible and definite matches begin. A force may set them; the defaults offer
/// anyone with a one-in-ten chance and call a match definite at 99% with no rival.</summary>
public sealed record MatchThresholds
{
    /// <summary>Probability at or above which a record is offered as a possible match.</summary>
    public double PossibleMatch { get; init; } = 0.1;

    /// <summary>Probability at or above which the best record is a definite match, provided no
    /// other record reaches <see cref="PossibleMatch"/>.</summary>
    public double DefiniteMatch { get; init; } = 0.99;

    /// <summary>Most candidates returned.</summary>
    public int MaxCandidates { get; init; } = 10;

    /// <summary>Throws when the thresholds contradict each other.</summary>
    public void Validate()
    {
        if (PossibleMatch is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(PossibleMatch), "Must be between 0 and 1.");
        if (DefiniteMatch < PossibleMatch || DefiniteMatch >= 1) throw new ArgumentOutOfRangeException(nameof(DefiniteMatch), "Must be at least PossibleMatch and below 1.");
        if (MaxCandidates < 1) throw new ArgumentOutOfRangeException(nameof(MaxCandidates), "Must be at least 1.");
    }
}
