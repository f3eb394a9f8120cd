using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Address lines: exact, close spelling (Jaro–Winkler), sharing at least half of the
/// shorter address's words, different.</summary>
public sealed class AddressComparison : FieldComparison
{
    /// <summary>Level index for Jaro–Winkler at or above <see cref="CloseThreshold"/>.</summary>
    public const int Close = 2;
    /// <summary>Level index for sharing at least half the words.</summary>
    public const int Partial = 3;

    /// <summary>Jaro–Winkler similarity counted as a close spelling.</summary>
    public const double CloseThreshold = 0.9;

    private static readonly string[] LevelNames = ["missing", "exact", "close spelling", "shares words", "different"];

    /// <inheritdoc />
    public override string Field => "addressLine";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override bool MovesWithAddress => true;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Address(i), b = table.Address(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        // One typo leaves the other words intact, so addresses sharing no word are not close either.
        var (shared, fewest) = SharedWords(table.AddressWords(a), table.AddressWords(b));
        if (shared == 0) return Different;
        if (JaroWinkler.Similarity(table.Addresses[a], table.Addresses[b]) >= CloseThreshold) return Close;
        return shared * 2 >= fewest ? Partial : Different;
    }

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.AddressCounts.Term(table.Address(i));

    private static (int Shared, int Fewest) SharedWords(ulong[] x, ulong[] y)
    {
        int shared = 0;
        foreach (var word in x)
            if (Array.IndexOf(y, word) >= 0) shared++;
        return (shared, Math.Min(x.Length, y.Length));
    }
}
