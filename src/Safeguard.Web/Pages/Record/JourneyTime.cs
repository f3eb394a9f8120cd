using System.Globalization;
using Safeguard.Core.Calendar;
using Safeguard.Core.Recording;

namespace Safeguard.Web.Pages.Record;

/// <summary>Reads the "when did it happen" answer of a journey: an instant with an offset, or a date and
/// time from the form, taken as UK time (what an officer means when they type it).</summary>
public static class JourneyTime
{
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (FieldKind.TryInstant(text, out value)) return true;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        value = new DateTimeOffset(local, SafeguardCalendar.London.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
