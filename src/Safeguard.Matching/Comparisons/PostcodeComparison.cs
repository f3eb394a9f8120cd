using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Postcodes: exact, one character wrong, same district (all but the last three
/// characters agree, at least two), different.</summary>
public sealed class PostcodeComparison : FieldComparison
{
    /// <summary>Level index for one character wrong or two adjacent characters swapped.</summary>
    public const int OneCharacter = 2;
    /// <summary>Level index for the same district.</summary>
    public const int SameDistrict = 3;

    private static readonly string[] LevelNames = ["missing", "exact", "one character", "same district", "different"];

    /// <inheritdoc />
    public override string Field => "postcode";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override bool MovesWithAddress => true;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Postcode(i), b = table.Postcode(j);
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        string x = table.Postcodes[a], y = table.Postcodes[b];
        if (EditDistance.WithinOne(x, y)) return OneCharacter;
        int district = Math.Max(2, Math.Min(x.Length, y.Length) - 3);
        return x.Length >= district && y.Length >= district && x.AsSpan(0, district).SequenceEqual(y.AsSpan(0, district))
            ? SameDistrict : Different;
    }

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.PostcodeCounts.Term(table.Postcode(i));
}
