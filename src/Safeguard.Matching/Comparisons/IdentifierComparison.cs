using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Identifiers (national numbers, e-mail addresses): exact, one character wrong, close
/// spelling, different.</summary>
public sealed class IdentifierComparison : FieldComparison
{
    /// <summary>Level index for one character wrong or two adjacent characters swapped.</summary>
    public const int OneCharacter = 2;
    /// <summary>Level index for Jaro–Winkler at or above <see cref="CloseThreshold"/>.</summary>
    public const int Close = 3;

    /// <summary>Jaro–Winkler similarity counted as a close spelling.</summary>
    public const double CloseThreshold = 0.9;

    private static readonly string[] LevelNames = ["missing", "exact", "one character", "close spelling", "different"];

    /// <inheritdoc />
    public override string Field => "identifier";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Identifier(i), b = table.Identifier(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        string x = table.Identifiers[a], y = table.Identifiers[b];
        if (EditDistance.WithinOne(x, y)) return OneCharacter;
        return JaroWinkler.Similarity(x, y) >= CloseThreshold ? Close : Different;
    }

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.IdentifierCounts.Term(table.Identifier(i));
}
