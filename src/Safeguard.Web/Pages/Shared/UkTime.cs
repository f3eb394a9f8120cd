using System.Globalization;
using Safeguard.Core.Recording;

namespace Safeguard.Web.Pages.Shared;

/// <summary>Times in pages and links: a date and time without an offset is UK wall-clock time (DOMAIN-RULES "Time").
/// Forms ask for times with the GOV.UK date input, <see cref="DateTimeParts"/>.</summary>
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
}
