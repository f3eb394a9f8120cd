using System.Globalization;

namespace Safeguard.Core.Tests.Builders;

/// <summary>Readable instants and dates for tests.</summary>
public static class Time
{
    /// <summary>The date "today" is in tests: ages are computed against it.</summary>
    public static readonly DateOnly Today = new(2026, 3, 1);

    /// <summary>Parses "2026-03-01 21:14" (UTC) or any ISO 8601 instant.</summary>
    public static DateTimeOffset At(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>A date, "2026-03-01".</summary>
    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
