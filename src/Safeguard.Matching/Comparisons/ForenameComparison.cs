using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Forenames: exact, nickname or spelling variant ("Bob"/"Robert"), swapped with the
/// surname, close spelling (Jaro–Winkler), similar sound, initial only, different.</summary>
public sealed class ForenameComparison : FieldComparison
{
    /// <summary>Level index for known nickname or variant spellings.</summary>
    public const int Variant = 2;
    /// <summary>Level index for a forename that equals the other record's surname.</summary>
    public const int Swapped = 3;
    /// <summary>Level index for one typo apart, or Jaro–Winkler at or above <see cref="CloseThreshold"/>.</summary>
    public const int Close = 4;
    /// <summary>Level index for Jaro–Winkler at or above <see cref="SimilarThreshold"/> or equal Soundex.</summary>
    public const int Similar = 5;
    /// <summary>Level index for one side being just an initial that fits the other.</summary>
    public const int Initial = 6;

    /// <summary>Jaro–Winkler similarity counted as a close spelling.</summary>
    public const double CloseThreshold = 0.92;
    /// <summary>Jaro–Winkler similarity counted as a similar spelling.</summary>
    public const double SimilarThreshold = 0.85;

    private static readonly string[] LevelNames =
        ["missing", "exact", "nickname or variant", "swapped with surname", "close spelling", "similar", "initial", "different"];

    /// <inheritdoc />
    public override string Field => "forename";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Forename(i), b = table.Forename(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        if (ShareGroup(table.NicknameGroupsOfName(a), table.NicknameGroupsOfName(b))) return Variant;
        if (a == table.Surname(j) || b == table.Surname(i)) return Swapped;
        string x = table.Names[a], y = table.Names[b];
        if (x.Length == 1 || y.Length == 1) return x[0] == y[0] ? Initial : Different;
        if (EditDistance.WithinOne(x, y)) return Close;
        bool soundAlike = table.ForenamePhonetic(i) == table.ForenamePhonetic(j);
        if (!soundAlike && LetterSignature.JaroWinklerBound(table.NameSignature(a), x.Length, table.NameSignature(b), y.Length) < SimilarThreshold)
            return Different;
        double similarity = JaroWinkler.Similarity(x, y);
        if (similarity >= CloseThreshold) return Close;
        if (similarity >= SimilarThreshold || soundAlike) return Similar;
        return Different;
    }

    /// <inheritdoc />
    public override TermFrequencyUse TermFrequencyUse => TermFrequencyUse.Full;

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.ForenameCounts.Term(table.Forename(i));

    private static bool ShareGroup(int[] x, int[] y)
    {
        foreach (var g in x) if (Array.IndexOf(y, g) >= 0) return true;
        return false;
    }
}
