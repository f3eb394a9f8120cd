using Safeguard.Core.Calendar;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Calendar;

public class EnglandAndWalesBankHolidaysTests
{
    private static IReadOnlyList<DateOnly> Year(int year) => EnglandAndWalesBankHolidays.ForYear(year).Select(h => h.Date).ToList();

    [Theory]
    [InlineData(2015, "2015-04-05")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2030, "2030-04-21")]
    public void Easter_sunday_is_computed(int year, string expected) =>
        Assert.Equal(Time.Date(expected), EnglandAndWalesBankHolidays.EasterSunday(year));

    [Fact]
    public void Year_2026_has_the_published_eight_bank_holidays() =>
        Assert.Equal(
            new[] { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28" }.Select(Time.Date),
            Year(2026));

    [Fact]
    public void Christmas_on_saturday_moves_both_holidays_to_monday_and_tuesday() =>
        Assert.Equal(new[] { Time.Date("2021-12-27"), Time.Date("2021-12-28") }, Year(2021).Where(d => d.Month == 12));

    [Fact]
    public void Christmas_on_sunday_gives_boxing_day_monday_and_substitute_tuesday() =>
        Assert.Equal(new[] { Time.Date("2022-12-26"), Time.Date("2022-12-27") }, Year(2022).Where(d => d.Month == 12));

    [Fact]
    public void New_year_on_a_weekend_moves_to_monday()
    {
        Assert.Contains(Time.Date("2022-01-03"), Year(2022));
        Assert.Contains(Time.Date("2028-01-03"), Year(2028));
    }

    [Fact]
    public void One_off_changes_are_included()
    {
        Assert.Contains(Time.Date("2020-05-08"), Year(2020));
        Assert.DoesNotContain(Time.Date("2020-05-04"), Year(2020));
        Assert.Contains(Time.Date("2022-06-02"), Year(2022));
        Assert.Contains(Time.Date("2022-06-03"), Year(2022));
        Assert.DoesNotContain(Time.Date("2022-05-30"), Year(2022));
        Assert.Contains(Time.Date("2022-09-19"), Year(2022));
        Assert.Contains(Time.Date("2023-05-01"), Year(2023));
        Assert.Contains(Time.Date("2023-05-08"), Year(2023));
    }

    [Fact]
    public void Defaults_cover_2015_to_2030_and_are_weekdays()
    {
        var all = EnglandAndWalesBankHolidays.Defaults;
        Assert.Equal(2015, all[0].Date.Year);
        Assert.Equal(2030, all[^1].Date.Year);
        Assert.All(all, h => Assert.False(h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, h.Name));
        Assert.Equal(all.Count, all.Select(h => h.Date).Distinct().Count());
    }
}
