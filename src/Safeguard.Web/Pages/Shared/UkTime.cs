using System.Globalization;
using Safeguard.Core.Recording;

namespace Safeguard.Web.Pages.Shared;

/// <summary>Times typed into forms: a datetime-local value is UK wall-clock time (DOMAIN-RULES "Time").</summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>An instant with an offset as given, or a local date and time read as London time.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (FieldKind.TryInstant(text, out value)) { value = value.ToUniversalTime(); return true; }
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        value = new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    /// <summary>"3 March 2026 at 21:15" in London time: the one format pages and explanations share.</summary>
    public static string Show(DateTimeOffset t) => Core.Profiles.ExplanationText.Time(t);

    /// <summary>A value for a datetime-local input, in London time.</summary>
    public static string Input(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, London).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
