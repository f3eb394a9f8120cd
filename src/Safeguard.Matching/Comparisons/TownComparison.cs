using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Towns: exact, close spelling, different.</summary>
public sealed class TownComparison : FieldComparison
{
    /// <summary>Level index for Jaro–Winkler at or above <see cref="CloseThreshold"/>.</summary>
    public const int Close = 2;

    /// <summary>Jaro–Winkler similarity counted as a close spelling.</summary>
    public const double CloseThreshold = 0.88;

    private static readonly string[] LevelNames = ["missing", "exact", "close spelling", "different"];

    /// <inheritdoc />
    public override string Field => "town";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override bool MovesWithAddress => true;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Town(i), b = table.Town(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        return JaroWinkler.Similarity(table.Towns[a], table.Towns[b]) >= CloseThreshold ? Close : Different;
    }

    /// <inheritdoc />
    public override TermFrequencyUse TermFrequencyUse => TermFrequencyUse.Full;

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.TownCounts.Term(table.Town(i));
}
