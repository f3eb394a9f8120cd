using Safeguard.Core.Retention;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Tests.Retention;

/// <summary>RT1 as pure rules: the group a record's events put it in, its next review date, and when a public protection
/// record may be deleted.</summary>
public sealed class RetentionPolicyTests
{
    private static readonly RuleSettings Defaults = RuleSettings.Defaults;

    [Theory]
    [InlineData(new[] { "missing-reported", "missing-located" }, RetentionGroups.Other)]
    [InlineData(new[] { "missing-reported", "ppn" }, RetentionGroups.OtherSexualViolent)]
    [InlineData(new[] { "ppn", "cawn-served", "missing-reported" }, RetentionGroups.PublicProtection)]
    [InlineData(new[] { "offender-registered" }, RetentionGroups.PublicProtection)]
    [InlineData(new string[0], RetentionGroups.Other)]
    public void The_most_serious_event_on_the_record_decides_its_group(string[] types, string expected) =>
        Assert.Equal(expected, RetentionPolicy.GroupOf(types));

    [Fact]
    public void The_next_review_is_the_groups_years_after_the_latest_activity_or_the_date_a_reviewer_set()
    {
        var last = new DateOnly(2020, 5, 6);

        Assert.Equal(new DateOnly(2026, 5, 6), RetentionPolicy.NextReview(RetentionGroups.Other, last, null, null, Defaults));
        Assert.Equal(new DateOnly(2030, 5, 6), RetentionPolicy.NextReview(RetentionGroups.OtherSexualViolent, last, null, null, Defaults));
        Assert.Equal(new DateOnly(2023, 5, 6), RetentionPolicy.NextReview(RetentionGroups.Other, last, null, null, Defaults.With("RT1.reviewYearsOther", 3)));
        // A reviewer's date stands while nothing new happens, earlier or later than the rule's.
        Assert.Equal(new DateOnly(2028, 1, 1), RetentionPolicy.NextReview(RetentionGroups.Other, last, new DateOnly(2028, 1, 1), new DateOnly(2026, 6, 1), Defaults));
        Assert.Equal(new DateOnly(2024, 1, 1), RetentionPolicy.NextReview(RetentionGroups.Other, last, new DateOnly(2024, 1, 1), new DateOnly(2023, 6, 1), Defaults));
        // Something new on the record after the decision starts the period again, never before the reviewer's date.
        Assert.Equal(new DateOnly(2031, 1, 1), RetentionPolicy.NextReview(RetentionGroups.Other, new DateOnly(2025, 1, 1), new DateOnly(2027, 1, 1), new DateOnly(2024, 6, 1), Defaults));
        Assert.Equal(new DateOnly(2033, 1, 1), RetentionPolicy.NextReview(RetentionGroups.Other, new DateOnly(2025, 1, 1), new DateOnly(2033, 1, 1), new DateOnly(2024, 6, 1), Defaults));
    }

    [Fact]
    public void A_public_protection_record_is_kept_to_the_subjects_hundredth_birthday_and_others_may_go_at_review()
    {
        var today = new DateOnly(2026, 3, 2);

        Assert.Null(RetentionPolicy.WhyNotDeletable(RetentionGroups.Other, null, today, Defaults));
        Assert.Null(RetentionPolicy.WhyNotDeletable(RetentionGroups.OtherSexualViolent, new DateOnly(2010, 1, 1), today, Defaults));
        Assert.Contains("2080", RetentionPolicy.WhyNotDeletable(RetentionGroups.PublicProtection, new DateOnly(1980, 6, 1), today, Defaults));
        Assert.Contains("no date of birth", RetentionPolicy.WhyNotDeletable(RetentionGroups.PublicProtection, null, today, Defaults));
        Assert.Null(RetentionPolicy.WhyNotDeletable(RetentionGroups.PublicProtection, new DateOnly(1920, 6, 1), today, Defaults));
    }
}
