namespace Safeguard.Core.Settings;

/// <summary>A force's own value for a setting (E3); absent means the national default applies.</summary>
public sealed class SettingValue
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
