namespace Safeguard.Core.Settings;

/// <summary>The clock or unit a setting is measured in, so screens and docs say "72 hours", not "72".</summary>
public enum SettingUnit
{
    /// <summary>A number of things (episodes, indicators, answers, cases).</summary>
    Count,
    /// <summary>Elapsed hours.</summary>
    Hours,
    /// <summary>Calendar days, counted in Europe/London.</summary>
    CalendarDays,
    /// <summary>Working days (Monday to Friday, England and Wales bank holidays excluded).</summary>
    WorkingDays,
    /// <summary>Calendar months.</summary>
    Months,
    /// <summary>Years (also ages).</summary>
    Years,
    /// <summary>Minutes after midnight, London time (a time of day).</summary>
    MinutesAfterMidnight,
    /// <summary>A percentage (a performance target, M1).</summary>
    Percent,
}

/// <summary>One threshold or time limit from DOMAIN-RULES.md (E3): its key, meaning, unit, national
/// default, where the figure comes from and the range a force may set.</summary>
/// <param name="Key">Stable key, prefixed with the DOMAIN-RULES id, e.g. <c>MI5.repeatMissingEpisodes</c>.</param>
/// <param name="Description">What the number controls, in a practitioner's words.</param>
/// <param name="Unit">The unit or clock.</param>
/// <param name="Default">The national (or, where marked local, suggested) default.</param>
/// <param name="Min">Smallest value allowed.</param>
/// <param name="Max">Largest value allowed.</param>
/// <param name="Source">Guidance or legislation the default comes from.</param>
/// <param name="Local">True where forces and partnerships set their own figure ([local] in DOMAIN-RULES).</param>
public sealed record SettingDefinition(
    string Key, string Description, SettingUnit Unit, int Default, int Min, int Max, string Source, bool Local = false)
{
    /// <summary>Null when <paramref name="value"/> is a whole number in range, else a message saying why not.</summary>
    public string? Validate(string value)
    {
        if (!int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return $"{Key} must be a whole number.";
        return number < Min || number > Max ? $"{Key} must be between {Min} and {Max}." : null;
    }
}
