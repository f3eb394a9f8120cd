using System.Globalization;
using Safeguard.Core.Calendar;

namespace Safeguard.Core.Measures.Framework;

/// <summary>A calendar month (Europe/London) as one whole number, year × 12 + month − 1, so the database can group and
/// compare months without date functions that differ between SQLite and PostgreSQL.</summary>
public readonly record struct MonthKey(int Value) : IComparable<MonthKey>
{
    public static MonthKey Of(int year, int month) => new(year * 12 + month - 1);
    public static MonthKey Of(DateOnly date) => Of(date.Year, date.Month);
    public static MonthKey Of(DateTimeOffset at) => Of(SafeguardCalendar.LondonDate(at));

    public int Year => Value / 12;
    public int MonthOfYear => Value % 12 + 1;
    public DateOnly FirstDay => new(Year, MonthOfYear, 1);
    public MonthKey Next => new(Value + 1);

    /// <summary>The first instant of the month in Europe/London.</summary>
    public DateTimeOffset Start => SafeguardCalendar.ToInstant(FirstDay, TimeOnly.MinValue);

    /// <summary>"2026-03", as the API writes months.</summary>
    public override string ToString() => $"{Year:0000}-{MonthOfYear:00}";

    /// <summary>"Mar 2026", as pages and charts write months.</summary>
    public string Short => FirstDay.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"March 2026".</summary>
    public string Long => FirstDay.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static bool TryParse(string? text, out MonthKey month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        month = Of(d);
        return true;
    }

    public int CompareTo(MonthKey other) => Value.CompareTo(other.Value);
    public static bool operator <(MonthKey a, MonthKey b) => a.Value < b.Value;
    public static bool operator >(MonthKey a, MonthKey b) => a.Value > b.Value;
    public static bool operator <=(MonthKey a, MonthKey b) => a.Value <= b.Value;
    public static bool operator >=(MonthKey a, MonthKey b) => a.Value >= b.Value;
}
