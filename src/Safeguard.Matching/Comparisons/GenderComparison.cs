using Safeguard.Matching.Features;

namespace Safeguard.Matching.Comparisons;

/// <summary>Gender: same or different (unknown counts as missing).</summary>
public sealed class GenderComparison : FieldComparison
{
    private static readonly string[] LevelNames = ["missing", "same", "different"];

    /// <inheritdoc />
    public override string Field => "gender";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j)
    {
        int a = table.Gender(i), b = table.Gender(j);
        if (a == 0 || b == 0) return Missing;
        return a == b ? Exact : Different;
    }
}
