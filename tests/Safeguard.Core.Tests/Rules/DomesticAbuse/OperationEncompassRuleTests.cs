using Safeguard.Core.Calendar;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.DomesticAbuse;

public class OperationEncompassRuleTests
{
    private static EventBuilder DaIncident(PersonFacts child, string at) =>
        An.Event("incident").At(at).Child(child).WithList("classifications", "domestic-abuse").Id("da1");

    [Fact]
    public void School_age_child_in_a_friday_night_da_incident_needs_the_school_told_before_monday_0830()
    {
        PersonFacts child = A.Child().AgedYears(9);
        var task = new World().With(child).Record(DaIncident(child, "2026-03-06 22:00")).Single<TaskOutput>(child, "operation-encompass");
        Assert.Equal(Time.At("2026-03-09 08:30"), task.DueAt);
        Assert.Equal("operation-encompass", task.ClosesWhen.EventType);
    }

    [Fact]
    public void Incident_before_school_starts_is_due_that_morning()
    {
        PersonFacts child = A.Child().AgedYears(9);
        Assert.Equal(Time.At("2026-03-03 08:30"),
            new World().With(child).Record(DaIncident(child, "2026-03-03 01:00")).Single<TaskOutput>(child, "operation-encompass").DueAt);
    }

    [Fact]
    public void A_baby_is_below_school_age()
    {
        PersonFacts baby = A.Child().AgedYears(1);
        new World().With(baby).Record(DaIncident(baby, "2026-03-03 01:00")).None<TaskOutput>(baby, "operation-encompass");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]   // DA4.minimumSchoolAge: nursery included
    [InlineData(17, true)]
    [InlineData(18, true)]  // DA4.maximumSchoolAge, in whole years: a college student of 18 still counts
    [InlineData(19, false)]
    public void Ages_from_two_to_eighteen_are_told_to_the_school(int years, bool told)
    {
        PersonFacts child = A.Child().AgedYears(years);
        var outputs = new World().With(child).Record(DaIncident(child, "2026-03-03 01:00"));
        if (told) outputs.Single<TaskOutput>(child, "operation-encompass");
        else outputs.None<TaskOutput>(child, "operation-encompass");
    }

    [Fact]
    public void The_school_age_range_comes_from_settings()
    {
        PersonFacts four = A.Child().AgedYears(4), ten = A.Child().AgedYears(10), sixteen = A.Child().AgedYears(16);
        var world = new World().With(four, ten, sixteen).WithSetting("DA4.minimumSchoolAge", 5).WithSetting("DA4.maximumSchoolAge", 15);
        var outputs = world.Record(An.Event("incident").At("2026-03-03 01:00").Child(four).Child(ten).Child(sixteen)
            .WithList("classifications", "domestic-abuse").Id("da1"));
        outputs.Single<TaskOutput>(ten, "operation-encompass");
        outputs.None<TaskOutput>(four, "operation-encompass");
        outputs.None<TaskOutput>(sixteen, "operation-encompass");
    }

    [Fact]
    public void Unknown_age_is_treated_as_school_age()
    {
        PersonFacts child = A.Child().WithUnknownDateOfBirth();
        new World().With(child).Record(DaIncident(child, "2026-03-03 01:00")).Single<TaskOutput>(child, "operation-encompass");
    }

    [Fact]
    public void Non_da_incident_needs_no_notification()
    {
        PersonFacts child = A.Child().AgedYears(9);
        new World().With(child).Record(An.Event("incident").Child(child).WithList("classifications", "neglect"))
            .None<TaskOutput>(child, "operation-encompass");
    }

    [Fact]
    public void School_start_comes_from_settings()
    {
        PersonFacts child = A.Child().AgedYears(9);
        var world = new World().With(child).WithSetting("DA4.schoolDayStartMinutes", 480);
        Assert.Equal(Time.At("2026-03-09 08:00"), world.Record(DaIncident(child, "2026-03-06 22:00")).Single<TaskOutput>(child, "operation-encompass").DueAt);
    }
}

/// <summary>DA4 with schools and their local authority's term dates held.</summary>
public class OperationEncompassTermDatesTests
{
    private static World WithSchools() => new()
    {
        Calendar = new SafeguardCalendar(EnglandAndWalesBankHolidays.Defaults.Select(h => h.Date), schools: new SchoolCalendars(
            [new("NM-HILL", "Hillside Primary School", "Northmoor Borough Council")], Calendar.SchoolDayTests.NorthmoorTerms)),
    };

    private static EventBuilder DaIncident(string at) =>
        An.Event("incident").At(at).WithList("classifications", "domestic-abuse").Id("da-term");

    [Fact]
    public void Child_whose_school_is_named_in_the_incident_is_due_after_half_term_and_the_explanation_names_the_school()
    {
        PersonFacts child = A.Child().AgedYears(9);
        var task = WithSchools().With(child).Record(DaIncident("2026-02-13 22:00").ChildAtSchool(child, "NM-HILL"))
            .Single<TaskOutput>(child, "operation-encompass");
        Assert.Equal(Time.At("2026-02-23 08:30"), task.DueAt);
        Assert.Contains("Hillside Primary School's key adult", task.Explanation);
        Assert.Contains("Northmoor Borough Council term dates", task.Explanation);
    }

    [Fact]
    public void Child_without_a_named_school_uses_the_school_of_their_last_notification()
    {
        PersonFacts child = A.Child().AgedYears(9);
        var world = WithSchools().With(child).Given(An.Event("operation-encompass").At("2026-01-20 08:00").Child(child)
            .With("school", "NM-HILL").With("notifiedAt", Time.At("2026-01-20 08:00")));
        var task = world.Record(DaIncident("2026-02-13 22:00").Child(child)).Single<TaskOutput>(child, "operation-encompass");
        Assert.Equal(Time.At("2026-02-23 08:30"), task.DueAt);
    }

    [Fact]
    public void Child_with_no_known_school_is_due_the_next_working_day_and_the_explanation_says_why()
    {
        PersonFacts child = A.Child().AgedYears(9);
        var task = WithSchools().With(child).Record(DaIncident("2026-02-13 22:00").Child(child)).Single<TaskOutput>(child, "operation-encompass");
        Assert.Equal(Time.At("2026-02-16 08:30"), task.DueAt);
        Assert.Contains("school is not known", task.Explanation);
    }

    [Fact]
    public void Notification_for_the_child_closes_the_task()
    {
        PersonFacts child = A.Child().AgedYears(9);
        var task = WithSchools().With(child).Record(DaIncident("2026-02-13 22:00").ChildAtSchool(child, "NM-HILL"))
            .Single<TaskOutput>(child, "operation-encompass");
        ChronologyEvent told = An.Event("operation-encompass").At("2026-02-23 08:00").Child(child).With("school", "NM-HILL")
            .With("notifiedAt", Time.At("2026-02-23 08:00"));
        Assert.True(task.ClosesWhen.IsFulfilledBy(told, child.PersonId));
    }
}
