using Safeguard.Matching.Features;

namespace Safeguard.Matching.Comparisons;

/// <summary>The comparisons a model uses, and the packing of one pair's levels into a single
/// integer ("comparison vector"), four bits per field, so that pairs with the same pattern can be
/// counted together during training.</summary>
public sealed class ComparisonSet
{
    /// <summary>The comparisons, in pattern order.</summary>
    public IReadOnlyList<FieldComparison> Fields { get; }

    /// <summary>Builds a set; at most eight comparisons of at most sixteen levels each.</summary>
    public ComparisonSet(IReadOnlyList<FieldComparison> fields)
    {
        if (fields.Count > 8) throw new ArgumentException("At most eight comparisons fit a pattern.", nameof(fields));
        foreach (var f in fields)
            if (f.Levels.Count > 16) throw new ArgumentException($"{f.Field} has more than sixteen levels.", nameof(fields));
        Fields = fields;
    }

    /// <summary>The comparisons Safeguard uses for people: names, date of birth, address, town,
    /// postcode, identifier and gender.</summary>
    public static ComparisonSet Standard { get; } = new(
    [
        new ForenameComparison(), new SurnameComparison(), new DateOfBirthComparison(), new PostcodeComparison(),
        new AddressComparison(), new TownComparison(), new IdentifierComparison(), new GenderComparison(),
    ]);

    /// <summary>The packed levels of records <paramref name="i"/> and <paramref name="j"/>.</summary>
    public uint Pattern(FeatureTable table, int i, int j)
    {
        uint pattern = 0;
        for (int f = 0; f < Fields.Count; f++) pattern |= (uint)Fields[f].Compare(table, i, j) << (4 * f);
        return pattern;
    }

    /// <summary>The level of field <paramref name="field"/> within a packed pattern.</summary>
    public static int LevelOf(uint pattern, int field) => (int)(pattern >> (4 * field)) & 0xF;
}
