using System.Globalization;

namespace Safeguard.Core.Search;

/// <summary>A date of birth as a searcher knows it: a whole date, a year and month, or a year
/// ("2014", "2014-05", "2014-05-06"; UK style "06/05/2014" too).</summary>
public sealed record DateOfBirthQuery(int Year, int? Month, int? Day)
{
    public static DateOfBirthQuery? Parse(string? text)
    {
        var parsed = ParseAny(text);
        // Outside these years a date of birth is a typing slip, and would overflow date arithmetic.
        return parsed is { Year: >= 1900 and <= 2100 } ? parsed : null;
    }

    private static DateOfBirthQuery? ParseAny(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return new(d.Year, d.Month, d.Day);
        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ym))
            return new(ym.Year, ym.Month, null);
        if (DateOnly.TryParseExact(text + "-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var y))
            return new(y.Year, null, null);
        return null;
    }

    public static DateOfBirthQuery Of(DateOnly d) => new(d.Year, d.Month, d.Day);

    public bool IsComplete => Month is not null && Day is not null;

    /// <summary>How well a recorded date of birth fits, with the reason in words.</summary>
    public (double Score, string Reason) Compare(DateOnly dob)
    {
        if (!IsComplete)
        {
            bool fits = dob.Year == Year && (Month is null || dob.Month == Month);
            return fits ? (1.0, "date of birth fits the partial date") : (0.0, "date of birth differs");
        }
        var q = new DateOnly(Year, Month!.Value, Day!.Value);
        if (q == dob) return (1.0, "date of birth agrees");
        if (Year == dob.Year && Month == dob.Day && Day == dob.Month) return (0.8, "date of birth with day and month swapped");
        if (DigitsDifferingByOne(q, dob)) return (0.75, "date of birth differs by one digit");
        if (Math.Abs(q.DayNumber - dob.DayNumber) <= 366) return (0.4, "date of birth within a year");
        return (0.0, "date of birth differs");
    }

    private static bool DigitsDifferingByOne(DateOnly a, DateOnly b)
    {
        var x = a.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var y = b.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        int diff = 0;
        for (int i = 0; i < x.Length; i++) if (x[i] != y[i]) diff++;
        return diff == 1;
    }
}
