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
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Address(i), b = table.Address(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        string x = table.Addresses[a], y = table.Addresses[b];
        if (JaroWinkler.Similarity(x, y) >= CloseThreshold) return Close;
        return SharesHalfTheWords(x, y) ? Partial : Different;
    }

    /// <inheritdoc />
    public override double TermFrequency(FeatureTable table, int i) => table.AddressCounts.Frequency(table.Address(i));

    internal static bool SharesHalfTheWords(string x, string y)
    {
        int words = 0, shared = 0;
        foreach (var range in x.AsSpan().Split(' '))
        {
            var word = x.AsSpan(range);
            if (word.Length == 0) continue;
            words++;
            foreach (var other in y.AsSpan().Split(' '))
                if (y.AsSpan(other).SequenceEqual(word)) { shared++; break; }
        }
        int otherWords = y.AsSpan().Count(' ') + 1;
        return shared > 0 && shared * 2 >= Math.Min(words, otherWords);
    }
}
