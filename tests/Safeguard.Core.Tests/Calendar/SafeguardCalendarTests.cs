using Safeguard.Core.Calendar;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Calendar;

public class SafeguardCalendarTests
{
    private readonly SafeguardCalendar _calendar = SafeguardCalendar.Default;

    [Fact]
    public void Hours_are_elapsed_time_across_the_spring_clock_change() =>
        // 29 March 2026: clocks go forward at 01:00 UTC; 72 elapsed hours stay 72 hours.
        Assert.Equal(Time.At("2026-03-31 00:00"), _calendar.AddHours(Time.At("2026-03-28 00:00"), 72));

    [Fact]
    public void Calendar_days_keep_the_london_wall_clock_across_the_spring_change()
    {
        // 21:00 GMT on Saturday 28 March is 21:00 London; three days later 21:00 BST is 20:00 UTC.
        var due = _calendar.AddCalendarDays(Time.At("2026-03-28 21:00"), 3);
        Assert.Equal(Time.At("2026-03-31 20:00"), due);
    }

    [Fact]
    public void Calendar_days_keep_the_london_wall_clock_across_the_autumn_change() =>
        // 25 October 2026: clocks go back. 09:00 BST (08:00 UTC) + 2 days = 09:00 GMT.
        Assert.Equal(Time.At("2026-10-26 09:00"), _calendar.AddCalendarDays(Time.At("2026-10-24 08:00"), 2));

    [Fact]
    public void A_wall_clock_time_skipped_in_spring_moves_an_hour_later() =>
        // 01:30 London does not exist on 29 March 2026; it becomes 02:30 BST = 01:30 UTC.
        Assert.Equal(Time.At("2026-03-29 01:30"), SafeguardCalendar.ToInstant(Time.Date("2026-03-29"), new TimeOnly(1, 30)));

    [Fact]
    public void A_repeated_wall_clock_time_in_autumn_takes_the_first() =>
        // 01:30 London happens twice on 25 October 2026; the first is BST (00:30 UTC).
        Assert.Equal(Time.At("2026-10-25 00:30"), SafeguardCalendar.ToInstant(Time.Date("2026-10-25"), new TimeOnly(1, 30)));

    [Fact]
    public void One_working_day_from_friday_is_the_end_of_monday() =>
        // Friday 6 March 2026 (GMT): end of Monday 9 March.
        Assert.Equal(Time.At("2026-03-09 23:59:59"), _calendar.AddWorkingDays(Time.At("2026-03-06 15:00"), 1));

    [Fact]
    public void Working_days_end_at_midnight_london_time_in_summer() =>
        Assert.Equal(Time.At("2026-06-02 22:59:59"), _calendar.AddWorkingDays(Time.At("2026-06-01 10:00"), 1));

    [Fact]
    public void A_late_evening_in_summer_counts_from_the_london_date() =>
        // 23:30 UTC on Friday 5 June is 00:30 BST on Saturday 6 June: the first working day is Monday 8 June.
        Assert.Equal(Time.At("2026-06-08 22:59:59"), _calendar.AddWorkingDays(Time.At("2026-06-05 23:30"), 1));

    [Fact]
    public void Working_days_skip_christmas_boxing_day_and_new_year()
    {
        // Thursday 24 Dec 2026: Fri 25 Christmas, Mon 28 Boxing Day substitute, Tue 29 = 1st working day.
        Assert.Equal(Time.At("2026-12-29 23:59:59"), _calendar.AddWorkingDays(Time.At("2026-12-24 10:00"), 1));
        // Thursday 31 Dec 2026: Fri 1 Jan 2027 New Year; 1st working day Mon 4 Jan.
        Assert.Equal(Time.At("2027-01-04 23:59:59"), _calendar.AddWorkingDays(Time.At("2026-12-31 10:00"), 1));
    }

    [Fact]
    public void Fifteen_working_days_skip_easter() =>
        // Wed 1 April 2026; Good Friday 3 April and Easter Monday 6 April skipped: 15th working day is Fri 24 April.
        Assert.Equal(Time.At("2026-04-24 22:59:59"), _calendar.AddWorkingDays(Time.At("2026-04-01 09:00"), 15));

    [Fact]
    public void Zero_working_days_on_a_sunday_is_the_end_of_monday() =>
        Assert.Equal(Time.At("2026-03-09 23:59:59"), _calendar.AddWorkingDays(Time.At("2026-03-08 09:00"), 0));

    [Fact]
    public void Bank_holidays_come_from_the_constructor()
    {
        var calendar = new SafeguardCalendar([Time.Date("2026-03-09")]);
        Assert.False(calendar.IsWorkingDay(Time.Date("2026-03-09")));
        Assert.Equal(Time.At("2026-03-10 23:59:59"), calendar.AddWorkingDays(Time.At("2026-03-06 15:00"), 1));
    }

    [Fact]
    public void School_days_are_working_days() =>
        Assert.Equal(_calendar.AddWorkingDays(Time.At("2026-12-24 10:00"), 2), _calendar.AddSchoolDays(Time.At("2026-12-24 10:00"), 2));

    [Fact]
    public void Next_school_day_after_a_night_incident_is_the_same_morning() =>
        // 02:00 UTC Tuesday 3 March 2026 (GMT): school starts 08:30 that day.
        Assert.Equal(Time.At("2026-03-03 08:30"), _calendar.StartOfNextSchoolDay(Time.At("2026-03-03 02:00")));

    [Fact]
    public void Next_school_day_after_friday_daytime_is_monday_morning() =>
        Assert.Equal(Time.At("2026-03-09 08:30"), _calendar.StartOfNextSchoolDay(Time.At("2026-03-06 10:00")));

    [Fact]
    public void Next_school_day_in_summer_starts_at_0830_london() =>
        Assert.Equal(Time.At("2026-06-02 07:30"), _calendar.StartOfNextSchoolDay(Time.At("2026-06-01 20:00")));

    [Fact]
    public void Next_school_day_over_christmas_is_after_the_holidays() =>
        Assert.Equal(Time.At("2026-12-29 08:30"), _calendar.StartOfNextSchoolDay(Time.At("2026-12-24 19:00")));

    [Fact]
    public void Next_school_day_across_the_clock_change_uses_the_new_offset() =>
        // Saturday 28 March 2026 (GMT) -> Monday 30 March 08:30 BST = 07:30 UTC.
        Assert.Equal(Time.At("2026-03-30 07:30"), _calendar.StartOfNextSchoolDay(Time.At("2026-03-28 12:00")));

    [Fact]
    public void Months_keep_the_wall_clock_and_clamp_the_day() =>
        Assert.Equal(Time.At("2026-02-28 10:00"), _calendar.AddMonths(Time.At("2026-01-31 10:00"), 1));
}
