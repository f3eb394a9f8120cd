using System.Globalization;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Tests.Settings;

public class SettingsCatalogueTests
{
    [Fact]
    public void Keys_are_unique_and_defaults_are_within_their_ranges()
    {
        Assert.Equal(SettingsCatalogue.All.Count, SettingsCatalogue.All.Select(s => s.Key).Distinct().Count());
        Assert.All(SettingsCatalogue.All, s => Assert.Null(s.Validate(s.Default.ToString(CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("MI5.repeatMissingEpisodes", 3)]
    [InlineData("MI5.repeatMissingWindowDays", 90)]
    [InlineData("MI3.returnInterviewHours", 72)]
    [InlineData("WT1.referralDecisionWorkingDays", 1)]
    [InlineData("WT2.strategyDiscussionWorkingDays", 1)]
    [InlineData("WT3.icpcWorkingDays", 15)]
    [InlineData("CS2.significantIndicatorCount", 3)]
    [InlineData("CS2.under13Age", 13)]
    [InlineData("CS3.ageLimit", 16)]
    [InlineData("CS3.ageLimitInCare", 18)]
    [InlineData("PP1.policeProtectionHours", 72)]
    [InlineData("IN1.supervisoryReviewDays", 28)]
    [InlineData("IN2.forensicTargetDays", 30)]
    [InlineData("IN2.forensicTargetDaysHighRisk", 7)]
    [InlineData("IN3.chargingDecisionDays", 28)]
    [InlineData("SO4.caseloadPerManager", 50)]
    [InlineData("DA1.highRiskYesCount", 14)]
    [InlineData("DA1.escalationIncidents", 3)]
    [InlineData("DA1.escalationWindowMonths", 12)]
    [InlineData("MI6.profileReviewMonths", 3)]
    [InlineData("CU2.firstReviewHours", 6)]
    [InlineData("CU2.reviewIntervalHours", 9)]
    [InlineData("CU3.detentionLimitHours", 24)]
    public void National_defaults_match_domain_rules(string key, int expected) =>
        Assert.Equal(expected, RuleSettings.Defaults.Int(key));

    [Theory]
    [InlineData("MI5.repeatMissingEpisodes", "abc", "whole number")]
    [InlineData("MI5.repeatMissingEpisodes", "1", "between")]
    [InlineData("PP1.policeProtectionHours", "96", "between")]
    [InlineData("No.such", "3", "no setting")]
    public void Bad_values_are_refused_with_a_reason(string key, string value, string reason) =>
        Assert.Contains(reason, SettingsCatalogue.Validate(key, value));

    [Fact]
    public void Every_definition_has_a_description_and_a_source() =>
        Assert.All(SettingsCatalogue.All, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Description), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Source), s.Key);
        });
}
