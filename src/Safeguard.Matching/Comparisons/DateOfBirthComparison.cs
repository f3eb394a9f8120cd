using Safeguard.Matching.Features;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Comparisons;

/// <summary>Dates of birth: exact, one keyed digit wrong (or two adjacent digits swapped), day and
/// month swapped, within a month, within a year, different.</summary>
public sealed class DateOfBirthComparison : FieldComparison
{
    /// <summary>Level index for one digit wrong or two adjacent digits swapped.</summary>
    public const int OneDigit = 2;
    /// <summary>Level index for day and month swapped (3/4 against 4/3).</summary>
    public const int DayMonthSwapped = 3;
    /// <summary>Level index for dates no more than a month apart.</summary>
    public const int WithinMonth = 4;
    /// <summary>Level index for dates no more than a year apart.</summary>
    public const int WithinYear = 5;

    private static readonly string[] LevelNames = ["missing", "exact", "one digit", "day and month swapped", "within a month", "within a year", "different"];

    /// <inheritdoc />
    public override string Field => "dateOfBirth";
    /// <inheritdoc />
    public override IReadOnlyList<string> Levels => LevelNames;

    /// <inheritdoc />
    public override int Compare(FeatureTable table, int i, int j) => Compare(table.DateOfBirth(i), table.DateOfBirth(j));

    /// <summary>The level for two dates written as yyyyMMdd integers (0 = missing).</summary>
    public int Compare(int a, int b)
    {
        if (a == 0 || b == 0) return Missing;
        if (a == b) return Exact;
        Span<char> x = stackalloc char[8], y = stackalloc char[8];
        Digits(a, x);
        Digits(b, y);
        if (EditDistance.WithinOne(x, y)) return OneDigit;
        int yearA = a / 10000, yearB = b / 10000, monthA = a / 100 % 100, monthB = b / 100 % 100, dayA = a % 100, dayB = b % 100;
        if (yearA == yearB && monthA == dayB && dayA == monthB) return DayMonthSwapped;
        int apart = Math.Abs(DayNumber(yearA, monthA, dayA) - DayNumber(yearB, monthB, dayB));
        if (apart <= 31) return WithinMonth;
        if (apart <= 372) return WithinYear;
        return Different;
    }

    /// <inheritdoc />
    public override (long Count, long Total) TermCount(FeatureTable table, int i) => table.DobCounts.Term(table.DateOfBirthId(i));

    private static void Digits(int value, Span<char> into)
    {
        for (int k = into.Length - 1; k >= 0; k--, value /= 10) into[k] = (char)('0' + value % 10);
    }

    // Approximate day number is enough to tell "within a year"; avoids validating calendar dates.
    private static int DayNumber(int year, int month, int day) => year * 372 + month * 31 + day;
}
