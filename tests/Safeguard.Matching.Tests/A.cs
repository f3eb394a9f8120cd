using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;

namespace Safeguard.Matching.Tests;

/// <summary>Readable test data: <c>A.Person("Robert", "Smith").Born(1990, 3, 4)</c>.</summary>
internal static class A
{
    private static int _next;

    public static PersonRecord Person(string? forename = null, string? surname = null) =>
        new($"p{Interlocked.Increment(ref _next)}") { Forename = forename, Surname = surname };

    public static PersonRecord Born(this PersonRecord p, int year, int month, int day) => p with { DateOfBirth = new DateOnly(year, month, day) };
    public static PersonRecord LivingAt(this PersonRecord p, string? address, string? town = null, string? postcode = null) =>
        p with { AddressLine = address, Town = town, Postcode = postcode };
    public static PersonRecord WithIdentifier(this PersonRecord p, string? identifier) => p with { Identifier = identifier };
    public static PersonRecord WithGender(this PersonRecord p, string? gender) => p with { Gender = gender };

    /// <summary>The level a comparison gives two records.</summary>
    public static int Level(FieldComparison comparison, PersonRecord a, PersonRecord b)
    {
        var table = FeatureTable.Build([a, b]);
        return comparison.Compare(table, 0, 1);
    }
}
