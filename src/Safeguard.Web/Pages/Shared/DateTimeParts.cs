using System.Globalization;

namespace Safeguard.Web.Pages.Shared;

/// <summary>The GOV.UK date input pattern: a date typed as day, month and year (and, where a time is asked
/// for, hour and minute in the 24-hour clock), read as UK wall-clock time. Bind it as a property
/// (<c>[BindProperty] public DateTimeParts LastSeenAt { get; set; } = new();</c>): the form posts
/// <c>LastSeenAt.Day</c>, <c>LastSeenAt.Month</c> … and the partials <c>_DatePartsInput</c> / <c>_DateTimePartsInput</c>
/// draw the parts. <see cref="TryRead"/> answers the GOV.UK message for what is wrong ("The date last seen
/// must include a month") and remembers which parts to mark.</summary>
public sealed class DateTimeParts
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Hour { get; set; }
    public string? Minute { get; set; }

    /// <summary>The parts the last <see cref="TryRead"/> found wrong ("Day", "Month", …); empty means all, if the field is in error.</summary>
    public IReadOnlySet<string> ErrorParts { get; private set; } = new HashSet<string>();

    public bool IsEmpty => new[] { Day, Month, Year, Hour, Minute }.All(string.IsNullOrWhiteSpace);

    /// <summary>The parts for an instant, in London time.</summary>
    public static DateTimeParts From(DateTimeOffset t)
    {
        var local = TimeZoneInfo.ConvertTime(t, London);
        return new DateTimeParts
        {
            Day = local.Day.ToString(CultureInfo.InvariantCulture), Month = local.Month.ToString(CultureInfo.InvariantCulture),
            Year = local.Year.ToString(CultureInfo.InvariantCulture), Hour = local.Hour.ToString("00", CultureInfo.InvariantCulture),
            Minute = local.Minute.ToString("00", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The parts for a calendar date (no time).</summary>
    public static DateTimeParts From(DateOnly d) => new()
    {
        Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month.ToString(CultureInfo.InvariantCulture), Year = d.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a date and time as UK time. <paramref name="what"/> names the field in messages,
    /// in sentence case without a capital: "the date last seen" gives "Enter the date last seen".</summary>
    public bool TryRead(string what, out DateTimeOffset value, out string? error)
    {
        value = default;
        if (!TryReadDate(what, out var date, out error, timeToo: true)) return false;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Hour)) missing.Add("Hour");
        if (string.IsNullOrWhiteSpace(Minute)) missing.Add("Minute");
        if (missing.Count > 0) return Fail(missing, $"{Capital(what)} must include {(missing.Count == 2 ? "a time" : missing[0] == "Hour" ? "an hour" : "a minute")}", out error);
        if (!int.TryParse(Hour!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23)
            return Fail(["Hour"], $"{Capital(what)} must be a real time: the hour is from 0 to 23", out error);
        if (!int.TryParse(Minute!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59)
            return Fail(["Minute"], $"{Capital(what)} must be a real time: the minute is from 0 to 59", out error);
        var local = date.ToDateTime(new TimeOnly(h, m));
        value = new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>Reads a calendar date (day, month, year).</summary>
    public bool TryReadDate(string what, out DateOnly value, out string? error) => TryReadDate(what, out value, out error, timeToo: false);

    private bool TryReadDate(string what, out DateOnly value, out string? error, bool timeToo)
    {
        value = default;
        ErrorParts = new HashSet<string>();
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year)
            && (!timeToo || (string.IsNullOrWhiteSpace(Hour) && string.IsNullOrWhiteSpace(Minute))))
            return Fail([], $"Enter {what}", out error);
        var missing = new[] { ("Day", Day, "a day"), ("Month", Month, "a month"), ("Year", Year, "a year") }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).ToList();
        if (missing.Count > 0)
            return Fail(missing.Select(p => p.Item1).ToList(), $"{Capital(what)} must include {Join(missing.Select(p => p.Item3).ToList())}", out error);
        if (!int.TryParse(Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            | !TryMonth(Month!.Trim(), out var mo)
            | !int.TryParse(Year!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            return Fail([], $"{Capital(what)} must be a real date", out error);
        if (Year!.Trim().Length != 4) return Fail(["Year"], $"The year must include 4 numbers", out error);
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return Fail([], $"{Capital(what)} must be a real date", out error);
        value = new DateOnly(y, mo, d);
        error = null;
        return true;
    }

    /// <summary>A month as a number, or its name or first three letters ("mar", "March"), as GOV.UK allows.</summary>
    private static bool TryMonth(string text, out int month)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out month)) return true;
        var names = CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.MonthNames;
        month = Array.FindIndex(names, n => n.Length > 0 && (n.Equals(text, StringComparison.OrdinalIgnoreCase)
            || (text.Length == 3 && n.StartsWith(text, StringComparison.OrdinalIgnoreCase)))) + 1;
        return month > 0;
    }

    private bool Fail(IReadOnlyCollection<string> parts, string message, out string? error)
    {
        ErrorParts = parts.ToHashSet();
        error = message;
        return false;
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>The model for <c>_DatePartsInput</c> (date only) and <c>_DateTimePartsInput</c> (date and time): the field's
/// name (its parts post as <c>Name.Day</c> …), its legend and hint, and the bound value.</summary>
public sealed record DateTimePartsField(string Name, string Legend, DateTimeParts? Value, string? Hint = null, bool LegendIsHeading = false, bool WithTime = true);
