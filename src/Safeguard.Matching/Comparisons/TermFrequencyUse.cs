namespace Safeguard.Matching.Comparisons;

/// <summary>How a field's exact agreement is adjusted for the frequency of the agreed value.</summary>
public enum TermFrequencyUse
{
    /// <summary>Rare values count for more and common values for less.</summary>
    Full,

    /// <summary>Only values far commoner than the field's average (placeholders) count for less.</summary>
    PlaceholdersOnly,
}
