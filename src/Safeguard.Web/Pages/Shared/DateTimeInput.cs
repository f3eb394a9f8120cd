using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Safeguard.Web.Pages.Shared;

/// <summary>The GOV.UK date input pattern's answer: day, month and year boxes, and a time box where the form takes
/// one. The boxes post as <c>Name.Day</c>, <c>Name.Month</c>, <c>Name.Year</c> and <c>Name.Time</c>. What was typed is
/// kept as typed (B4), so a refused answer comes back in the boxes; <see cref="Check"/> gives the one message that
/// names the field and says what is wrong.</summary>
public sealed class DateTimeInput
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public string? Day { get; init; }
    public string? Month { get; init; }
    public string? Year { get; init; }
    public string? Time { get; init; }

    public bool IsBlank => Blank(Day) && Blank(Month) && Blank(Year) && Blank(Time);

    /// <summary>The boxes named <paramref name="name"/> from a posted form or a query string.</summary>
    public static DateTimeInput From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values, string name)
    {
        var map = values.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string part) => map.TryGetValue($"{name}.{part}", out var v) && v.Length > 0 ? v : null;
        return new DateTimeInput { Day = Get("Day"), Month = Get("Month"), Year = Get("Year"), Time = Get("Time") };
    }

    /// <summary>True when the request carries any of the boxes named <paramref name="name"/>.</summary>
    public static bool Posted(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values, string name) =>
        values.Any(kv => kv.Key.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase));

    /// <summary>Boxes filled from a stored value: "2026-03-01T21:15", "2026-03-01", or the boxes as typed
    /// ("year-month-dayThh:mm" with any part blank) when they were refused.</summary>
    public static DateTimeInput FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new DateTimeInput();
        if (UkTime.TryParse(text, out var instant) && text.Contains('T'))
        {
            var local = UkTime.Input(instant); // yyyy-MM-ddTHH:mm in London time
            return new DateTimeInput { Year = local[..4], Month = local[5..7].TrimStart('0'), Day = local[8..10].TrimStart('0'), Time = local[11..] };
        }
        var (datePart, timePart) = text.Split('T', 2) is [var d, var t] ? (d, t) : (text, null);
        var parts = datePart.Split('-');
        string? At(int i) => i < parts.Length && parts[i].Length > 0 ? parts[i] : null;
        return new DateTimeInput { Year = At(0), Month = At(1), Day = At(2), Time = Blank(timePart) ? null : timePart };
    }

    /// <summary>The answer as it is stored in a draft: ISO when it makes sense, otherwise the boxes as typed.</summary>
    public string? ToText(bool withTime)
    {
        if (IsBlank) return null;
        if (withTime && TryDateTime(out var local)) return local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        if (!withTime && TryDate(out var date)) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{Year?.Trim()}-{Month?.Trim()}-{Day?.Trim()}" + (withTime ? $"T{Time?.Trim()}" : "");
    }

    /// <summary>The one message for these boxes, or null when they hold a real date (and time). <paramref name="what"/>
    /// names the field in words, e.g. "the date of birth" or "when it happened".</summary>
    public string? Check(string what, bool withTime, bool required = true)
    {
        if (IsBlank) return required ? $"Enter {what}" : null;
        var missing = new[] { (Blank(Day), "a day"), (Blank(Month), "a month"), (Blank(Year), "a year") }.Where(m => m.Item1).Select(m => m.Item2).ToList();
        if (withTime && Blank(Time)) missing.Add("a time");
        if (missing.Count > 0) return $"{Capital(what)} must include {Join(missing)}";
        if (Year!.Trim().Length != 4 || !int.TryParse(Year, out _)) return $"{Capital(what)}: the year must have 4 numbers, for example 2014";
        if (!TryDate(out _)) return $"{Capital(what)} must be a real date";
        if (withTime && !TryTime(out _)) return $"{Capital(what)}: enter the time using the 24-hour clock, for example 21:15";
        return null;
    }

    /// <summary>The date, when the day, month and year make a real date. A month may be a number or a name.</summary>
    public bool TryDate(out DateOnly date)
    {
        date = default;
        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return false;
        if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || Year!.Trim().Length != 4) return false;
        if (MonthNumber(Month) is not { } m) return false;
        if (d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m) || y < 1) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>The date and wall-clock time as typed (UK time, not yet converted).</summary>
    public bool TryDateTime(out DateTime local)
    {
        local = default;
        if (!TryDate(out var date) || !TryTime(out var time)) return false;
        local = date.ToDateTime(time);
        return true;
    }

    /// <summary>The instant, reading the date and time as UK time.</summary>
    public bool TryInstant(out DateTimeOffset instant)
    {
        instant = default;
        return TryDateTime(out var local) && UkTime.TryParse(local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), out instant);
    }

    /// <summary>"21:15", "21.15", "2115" or "9:05".</summary>
    public bool TryTime(out TimeOnly time)
    {
        time = default;
        if (Blank(Time)) return false;
        var t = Time!.Trim().Replace('.', ':');
        if (!t.Contains(':') && t.Length is 3 or 4 && t.All(char.IsAsciiDigit)) t = t[..^2] + ":" + t[^2..];
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static int? MonthNumber(string? month)
    {
        if (Blank(month)) return null;
        var m = month!.Trim();
        if (int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n is >= 1 and <= 12 ? n : null;
        for (var i = 1; i <= 12; i++)
        {
            var full = UkCulture.DateTimeFormat.GetMonthName(i);
            if (m.Equals(full, StringComparison.OrdinalIgnoreCase) || (m.Length >= 3 && full.StartsWith(m, StringComparison.OrdinalIgnoreCase))) return i;
        }
        return null;
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    private static string Join(IReadOnlyList<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}

/// <summary>The model for <c>_DateInput</c> (day, month, year) and <c>_DateTimeInput</c> (and a time).</summary>
public sealed record DateField(string Name, string Legend, DateTimeInput Value, string? Hint = null, bool LegendIsHeading = false);
