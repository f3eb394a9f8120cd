using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Safeguard.Web.Pages.Shared;

/// <summary>The GOV.UK date input pattern: a date typed as day, month and year (and, where a time is asked
/// for, hour and minute in the 24-hour clock), read as UK wall-clock time. Bind it as a property
/// (<c>[BindProperty] public DateTimeParts LastSeenAt { get; set; } = new();</c>): the form posts
/// <c>LastSeenAt.Day</c>, <c>LastSeenAt.Month</c> … and the partials <c>_DatePartsInput</c> / <c>_DateTimePartsInput</c>
/// draw the parts. <see cref="TryRead"/> answers the GOV.UK message for what is wrong ("The date last seen
/// must include a month") and remembers which parts to mark. Every message names the field and reads the same way on
/// every page. Where a form's answers are kept in a draft or carried in a link, <see cref="ToText"/> and
/// <see cref="FromText"/> turn the parts into text and back, keeping what was typed when it is not (yet) a real date.</summary>
public sealed partial class DateTimeParts
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }
    public string? Hour { get; set; }
    public string? Minute { get; set; }

    /// <summary>The parts the last <see cref="TryRead"/> found wrong ("Day", "Month", …); empty means all, if the field is in error.</summary>
    [JsonIgnore] public IReadOnlySet<string> ErrorParts { get; private set; } = new HashSet<string>();

    [JsonIgnore] public bool IsEmpty => new[] { Day, Month, Year, Hour, Minute }.All(string.IsNullOrWhiteSpace);

    /// <summary>The parts of the field <paramref name="name"/> from a posted form or a query string
    /// (<c>Name.Day</c>, <c>Name.Month</c> …), for pages that also take the field as one piece of text in a link.</summary>
    public static DateTimeParts From(IEnumerable<KeyValuePair<string, StringValues>> values, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values) map[key] = value.ToString();
        string? Get(string part) => map.TryGetValue($"{name}.{part}", out var v) && v.Length > 0 ? v : null;
        return new DateTimeParts { Day = Get("Day"), Month = Get("Month"), Year = Get("Year"), Hour = Get("Hour"), Minute = Get("Minute") };
    }

    /// <summary>True when the form or query string carries any part of the field <paramref name="name"/>.</summary>
    public static bool Posted(IEnumerable<KeyValuePair<string, StringValues>> values, string name) =>
        values.Any(kv => kv.Key.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>The parts from text kept in a draft or a link: "2026-03-01T21:15" (UK wall-clock time), "2026-03-01",
    /// "2014-05" or "2014"; or what was typed but not a real date, kept as "year-month-dayThour:minute" (drafts saved
    /// before the hour and minute boxes held one time box, "2026--1T2115", and read the same way).</summary>
    public static DateTimeParts FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new DateTimeParts();
        text = text.Trim();
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeParts
            {
                Day = local.Day.ToString(CultureInfo.InvariantCulture), Month = local.Month.ToString(CultureInfo.InvariantCulture),
                Year = local.Year.ToString("0000", CultureInfo.InvariantCulture), Hour = local.Hour.ToString("00", CultureInfo.InvariantCulture),
                Minute = local.Minute.ToString("00", CultureInfo.InvariantCulture),
            };
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return From(date);
        var shape = TypedShape().Match(text);
        if (!shape.Success) return new DateTimeParts { Year = text };
        string? Part(string group) => shape.Groups[group].Success && shape.Groups[group].Value.Trim().Length > 0 ? shape.Groups[group].Value.Trim() : null;
        var parts = new DateTimeParts { Year = Part("year"), Month = Part("month")?.TrimStart('0'), Day = Part("day")?.TrimStart('0') };
        if (Part("time") is { } time) (parts.Hour, parts.Minute) = SplitTime(time);
        return parts;
    }

    /// <summary>The parts as text for a draft or a link: ISO ("2026-03-01T21:15", "2026-03-01") when they make a real
    /// date (and time), otherwise what was typed, so it comes back in the boxes (B4). Null when nothing was typed.</summary>
    public string? ToText(bool withTime)
    {
        if (IsEmpty) return null;
        var saved = ErrorParts;
        try
        {
            if (withTime && TryReadLocal("it", out var local, out _)) return local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            if (!withTime && TryReadDate("it", out var date, out _)) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        finally { ErrorParts = saved; }
        var (hour, minute) = SplitTyped();
        return $"{Year?.Trim()}-{Month?.Trim()}-{Day?.Trim()}" + (withTime ? $"T{hour?.Trim()}:{minute?.Trim()}" : "");
    }

    /// <summary>The instant in text kept by <see cref="ToText"/> (or a draft of the older shape), when it is a real time.</summary>
    public static bool TryReadText(string? text, out DateTimeOffset value) => FromText(text).TryRead("it", out value, out _);

    /// <summary>Reads a date and time as UK time that must not be later than <paramref name="latest"/> (now, plus the
    /// clock skew allowed): "When it happened must be now or in the past".</summary>
    public bool TryReadPast(string what, DateTimeOffset latest, out DateTimeOffset value, out string? error)
    {
        if (!TryRead(what, out value, out error)) return false;
        return value <= latest || Fail([], $"{Capital(what)} must be now or in the past", out error);
    }

    /// <summary>Reads a date of birth: a real date, not after <paramref name="today"/>, and not before 1900.</summary>
    public bool TryReadDateOfBirth(string what, DateOnly today, out DateOnly value, out string? error)
    {
        if (!TryReadDate(what, out value, out error)) return false;
        if (value > today) return Fail([], $"{Capital(what)} must be today or in the past", out error);
        return value.Year >= 1900 || Fail(["Year"], $"{Capital(what)} must be in 1900 or later", out error);
    }

    /// <summary>Reads a date that may be given in part, as a search allows: the whole date ("2014-05-06"), the month and
    /// year ("2014-05") or only the year ("2014"). Nothing typed reads as null, with no error.</summary>
    public bool TryReadPartialDate(string what, out string? value, out string? error)
    {
        value = null;
        error = null;
        ErrorParts = new HashSet<string>();
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year)) return true;
        if (string.IsNullOrWhiteSpace(Year)) return Fail(["Year"], $"{Capital(what)} must include a year", out error);
        if (!int.TryParse(Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || Year.Trim().Length != 4)
            return Fail(["Year"], $"{Capital(what)} must include a year with 4 numbers", out error);
        if (string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Day)) { value = y.ToString("0000", CultureInfo.InvariantCulture); return true; }
        if (string.IsNullOrWhiteSpace(Month)) return Fail(["Month"], $"{Capital(what)} must include a month when it includes a day", out error);
        if (!TryMonth(Month.Trim(), out var m) || m is < 1 or > 12) return Fail(["Month"], $"{Capital(what)} must be a real date", out error);
        if (string.IsNullOrWhiteSpace(Day)) { value = $"{y:0000}-{m:00}"; return true; }
        if (!TryReadDate(what, out var date, out error)) return false;
        value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Refuses the field with a message of the page's own (an order of events, a date before birth), marking
    /// every part.</summary>
    public string Refuse(string message)
    {
        ErrorParts = new HashSet<string>();
        return message;
    }

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
        if (!TryReadLocal(what, out var local, out error)) return false;
        value = new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>Reads the date and wall-clock time as typed (UK time, not converted). "21:15" typed into the hour box
    /// alone is read as the hour and the minute.</summary>
    private bool TryReadLocal(string what, out DateTime value, out string? error)
    {
        value = default;
        if (!TryReadDate(what, out var date, out error, timeToo: true)) return false;
        var (hour, minute) = SplitTyped();
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(hour)) missing.Add("Hour");
        if (string.IsNullOrWhiteSpace(minute)) missing.Add("Minute");
        if (missing.Count > 0) return Fail(missing, $"{Capital(what)} must include {(missing.Count == 2 ? "a time" : missing[0] == "Hour" ? "an hour" : "a minute")}", out error);
        if (!int.TryParse(hour!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h > 23)
            return Fail(["Hour"], $"{Capital(what)} must be a real time: the hour is from 0 to 23", out error);
        if (!int.TryParse(minute!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m > 59)
            return Fail(["Minute"], $"{Capital(what)} must be a real time: the minute is from 0 to 59", out error);
        value = date.ToDateTime(new TimeOnly(h, m));
        return true;
    }

    /// <summary>The hour and minute, reading "21:15" or "21.15" typed into the hour box with the minute box empty.</summary>
    private (string? Hour, string? Minute) SplitTyped() =>
        string.IsNullOrWhiteSpace(Minute) && Hour is { } h && (h.Contains(':') || h.Contains('.')) ? SplitTime(h) : (Hour, Minute);

    /// <summary>"21:15", "21.15", "2115" or "9:05" as an hour and a minute; anything else as the hour.</summary>
    private static (string? Hour, string? Minute) SplitTime(string time)
    {
        var t = time.Trim();
        if (t.IndexOfAny([':', '.']) is var i and >= 0) return (Blank(t[..i]), Blank(t[(i + 1)..]));
        if (t.Length is 3 or 4 && t.All(char.IsAsciiDigit)) return (t[..^2], t[^2..]);
        return (Blank(t), null);
        static string? Blank(string s) => s.Trim().Length == 0 ? null : s.Trim();
    }

    [GeneratedRegex(@"^(?<year>[^-]*)-(?<month>[^-]*)(-(?<day>[^T]*))?(T(?<time>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypedShape();

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
        if (Year!.Trim().Length != 4) return Fail(["Year"], $"{Capital(what)} must include a year with 4 numbers", out error);
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return Fail([], $"{Capital(what)} must be a real date", out error);
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
