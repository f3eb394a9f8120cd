using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Surnames: exact, swapped with the forename, close spelling (one typo, or Jaro–Winkler
/// at least 0.92), similar spelling or sound, different.</summary>
public sealed class SurnameComparison : FieldComparison
{
    /// <summary>Level index for a surname that equals the other record's forename.</summary>
    public const int Swapped = 2;
    /// <summary>Level index for one typo apart, or Jaro–Winkler at or above <see cref="CloseThreshold"/>.</summary>
    public const int Close = 3;
    /// <summary>Level index for Jaro–Winkler at or above <see cref="SimilarThreshold"/> or equal Soundex.</summary>
    public const int Similar = 4;

    /// <summary>Jaro–Winkler similarity counted as a close spelling.</summary>
    public const double CloseThreshold = 0.92;
    /// <summary>Jaro–Winkler similarity counted as a similar spelling.</summary>
    public const double SimilarThreshold = 0.85;

    private static readonly string[] LevelNames = ["missing", "exact", "swapped with forename", "close spelling", "similar", "different"];

    /// <inheritdoc />
    public override string Field => "surname";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Surname(i), b = table.Surname(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        if (a == table.Forename(j) || b == table.Forename(i)) return Swapped;
        string x = table.Names[a], y = table.Names[b];
        bool soundAlike = table.SurnamePhonetic(i) == table.SurnamePhonetic(j);
        if (!soundAlike && LetterSignature.JaroWinklerBound(table.NameSignature(a), x.Length, table.NameSignature(b), y.Length) < SimilarThreshold)
            return Different;
        if (EditDistance.WithinOne(x, y)) return Close;
        double similarity = JaroWinkler.Similarity(x, y);
        if (similarity >= CloseThreshold) return Close;
        if (similarity >= SimilarThreshold || soundAlike) return Similar;
        return Different;
    }

    /// <inheritdoc />
    public override TermFrequencyUse TermFrequencyUse => TermFrequencyUse.Full;

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.SurnameCounts.Term(table.Surname(i));
}
