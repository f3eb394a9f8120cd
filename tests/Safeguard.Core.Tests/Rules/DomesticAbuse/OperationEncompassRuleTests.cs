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
