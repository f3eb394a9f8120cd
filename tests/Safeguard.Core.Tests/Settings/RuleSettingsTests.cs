using Safeguard.Core.Settings;

namespace Safeguard.Core.Tests.Settings;

public class RuleSettingsTests
{
    [Fact]
    public void Stored_values_override_the_defaults()
    {
        var settings = RuleSettings.From([new SettingValue { Key = "MI5.repeatMissingEpisodes", Value = "4" }]);
        Assert.Equal(4, settings.RepeatMissingEpisodes);
        Assert.Equal(90, settings.RepeatMissingWindowDays);
        Assert.Empty(settings.Ignored);
    }

    [Fact]
    public void Invalid_stored_values_are_ignored_and_reported()
    {
        var settings = RuleSettings.From(
        [
            new SettingValue { Key = "MI5.repeatMissingEpisodes", Value = "many" },
            new SettingValue { Key = "Old.setting", Value = "1" },
        ]);
        Assert.Equal(3, settings.RepeatMissingEpisodes);
        Assert.Equal(2, settings.Ignored.Count);
    }

    [Fact]
    public void With_returns_a_changed_copy_and_leaves_the_original() =>
        Assert.Equal((3, 5), (RuleSettings.Defaults.RepeatMissingEpisodes, RuleSettings.Defaults.With("MI5.repeatMissingEpisodes", 5).RepeatMissingEpisodes));

    [Fact]
    public void With_refuses_out_of_range_values() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleSettings.Defaults.With("CS3.ageLimit", 40));

    [Fact]
    public void Unknown_keys_throw() =>
        Assert.Throws<KeyNotFoundException>(() => RuleSettings.Defaults.Int("MI5.nope"));
}
