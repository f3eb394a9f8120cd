using Safeguard.Core.Calendar;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Calendar;

/// <summary>DA4: school days follow the term dates of the school's local authority.</summary>
public class SchoolDayTests
{
    private const string Northmoor = "Northmoor Borough Council";
    private static readonly TimeOnly HalfPastEight = new(8, 30);

    /// <summary>Northmoor's 2026 terms: spring in two halves around February half term, summer first half.</summary>
    public static readonly TermDates[] NorthmoorTerms =
    [
        new(Northmoor, Time.Date("2026-01-05"), Time.Date("2026-02-13")),
        new(Northmoor, Time.Date("2026-02-23"), Time.Date("2026-03-27")),
        new(Northmoor, Time.Date("2026-04-13"), Time.Date("2026-05-22")),
    ];

    private static SafeguardCalendar With(params TermDates[] terms) => new(
        EnglandAndWalesBankHolidays.Defaults.Select(h => h.Date),
        schools: new SchoolCalendars(
            [new("NM-HILL", "Hillside Primary School", Northmoor), new("SV-OAK", "Oakfield Academy", "Southvale District Council")], terms));

    [Fact]
    public void Friday_before_half_term_is_due_on_the_first_day_back_not_the_monday()
    {
        var due = With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-02-13 22:00"), HalfPastEight, "NM-HILL");
        Assert.Equal(Time.At("2026-02-23 08:30"), due.At);
        Assert.Equal(SchoolDayBasis.TermDates, due.Basis);
    }

    [Fact]
    public void Last_evening_of_half_term_is_due_the_next_morning() =>
        Assert.Equal(Time.At("2026-02-23 08:30"), With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-02-22 23:00"), HalfPastEight, "NM-HILL").At);

    [Fact]
    public void An_incident_at_the_very_start_of_a_school_day_is_due_at_the_next_one() =>
        Assert.Equal(Time.At("2026-02-24 08:30"), With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-02-23 08:30"), HalfPastEight, "NM-HILL").At);

    [Fact]
    public void A_minute_before_school_starts_is_due_that_morning() =>
        Assert.Equal(Time.At("2026-02-23 08:30"), With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-02-23 08:29"), HalfPastEight, "NM-HILL").At);

    [Fact]
    public void End_of_spring_term_is_due_on_the_first_day_of_summer_term_in_british_summer_time() =>
        // Easter holidays (with Good Friday and Easter Monday) in between; 08:30 BST is 07:30 UTC.
        Assert.Equal(Time.At("2026-04-13 07:30"), With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-03-27 18:00"), HalfPastEight, "NM-HILL").At);

    [Fact]
    public void A_bank_holiday_in_term_is_not_a_school_day() =>
        // Early May bank holiday, Monday 4 May 2026, falls in the summer term.
        Assert.Equal(Time.At("2026-05-05 07:30"), With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-05-02 12:00"), HalfPastEight, "NM-HILL").At);

    [Fact]
    public void Beyond_the_last_term_held_working_days_stand_in_and_the_basis_says_so()
    {
        // Term dates end on Friday 22 May; the next working day after it is Tuesday 26 May (Monday is the spring bank holiday).
        var due = With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-05-22 20:00"), HalfPastEight, "NM-HILL");
        Assert.Equal(Time.At("2026-05-26 07:30"), due.At);
        Assert.Equal(SchoolDayBasis.BeyondTermDates, due.Basis);
    }

    [Fact]
    public void An_unknown_school_falls_back_to_working_days()
    {
        var due = With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-02-13 22:00"), HalfPastEight, "NOT-HELD");
        Assert.Equal(Time.At("2026-02-16 08:30"), due.At);
        Assert.Equal(SchoolDayBasis.SchoolNotKnown, due.Basis);
        Assert.Null(due.School);
    }

    [Fact]
    public void A_school_whose_local_authority_has_no_term_dates_falls_back_to_working_days()
    {
        var due = With(NorthmoorTerms).StartOfNextSchoolDay(Time.At("2026-02-13 22:00"), HalfPastEight, "SV-OAK");
        Assert.Equal(Time.At("2026-02-16 08:30"), due.At);
        Assert.Equal(SchoolDayBasis.NoTermDates, due.Basis);
        Assert.Equal("Oakfield Academy", due.School!.Name);
    }

    [Fact]
    public void Local_authority_and_school_code_match_ignoring_case_and_spaces()
    {
        var calendar = new SafeguardCalendar([], schools: new SchoolCalendars(
            [new("nm-hill", "Hillside Primary School", " northmoor borough council ")], NorthmoorTerms));
        Assert.Equal(SchoolDayBasis.TermDates, calendar.StartOfNextSchoolDay(Time.At("2026-02-13 22:00"), HalfPastEight, "NM-HILL ").Basis);
    }
}
