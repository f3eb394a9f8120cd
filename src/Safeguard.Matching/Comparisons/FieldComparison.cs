using Safeguard.Matching.Features;

namespace Safeguard.Matching.Comparisons;

/// <summary>Compares one field of two records and says which graded level of agreement they
/// reach. Level 0 always means "missing on either side" and carries no weight; level 1 is always
/// exact agreement; the last level is always "different".</summary>
public abstract class FieldComparison
{
    /// <summary>The level every comparison uses when either value is missing.</summary>
    public const int Missing = 0;

    /// <summary>The level every comparison uses for exact agreement.</summary>
    public const int Exact = 1;

    /// <summary>Name of the field (or fields) compared, as shown in explanations.</summary>
    public abstract string Field { get; }

    /// <summary>Names of the levels, index 0 "missing" first and "different" last.</summary>
    public abstract IReadOnlyList<string> Levels { get; }

    /// <summary>The level reached by records <paramref name="i"/> and <paramref name="j"/>.</summary>
    public abstract int Compare(FeatureTable table, int i, int j);

    /// <summary>How many records carry record <paramref name="i"/>'s value, out of how many with
    /// any value, used to adjust the weight of exact agreement; (0, 0) when not adjusted.</summary>
    public virtual (long Count, long Total) TermCount(FeatureTable table, int i) => (0, 0);

    /// <summary>How term frequency adjusts exact agreement on this field. Names and towns have
    /// a real spread of common and rare values, so both ways; for values that should belong to
    /// one person (dates, identifiers, addresses) the counts mostly reflect that person's own
    /// duplicates, so only values far commoner than usual — placeholders such as 01/01/1900 —
    /// are marked down.</summary>
    public virtual TermFrequencyUse TermFrequencyUse => TermFrequencyUse.PlaceholdersOnly;

    /// <summary>True for fields that change together when a person moves house (address line,
    /// postcode, town); their disagreements are counted once, not once each.</summary>
    public virtual bool MovesWithAddress => false;

    /// <summary>Index of the "different" level.</summary>
    public int Different => Levels.Count - 1;
}
