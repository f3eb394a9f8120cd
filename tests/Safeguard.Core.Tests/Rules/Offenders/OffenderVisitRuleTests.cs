using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

public class OffenderVisitRuleTests
{
    private readonly PersonFacts _offender = A.Adult();

    [Theory]
    [InlineData("very-high", "2026-02-15 10:00")]
    [InlineData("high", "2026-04-15 09:00")] // 10:00 London, in summer time
    [InlineData("medium", "2026-07-15 09:00")]
    [InlineData("low", "2027-01-15 10:00")]
    public void First_home_visit_is_due_by_the_default_for_the_risk_level_from_registration(string risk, string due)
    {
        var task = new World().With(_offender).Record(An.Registration(_offender, "2026-01-15 10:00", risk))
            .Single<TaskOutput>(_offender, "offender-visit");
        Assert.Equal(Time.At(due), task.DueAt);
        Assert.Equal(Teams.OffenderManagement, task.AssignedTo);
        Assert.Equal("offender-visit", task.ClosesWhen.EventType);
    }

    [Fact]
    public void A_visit_makes_the_next_one_due_from_the_visit()
    {
        var world = new World().With(_offender).Given(An.Registration(_offender, "2026-01-15 10:00", "high"));
        var task = world.Record(An.Visit(_offender, "2026-02-20 14:00")).Single<TaskOutput>(_offender, "offender-visit");
        Assert.Equal(Time.At("2026-05-20 13:00"), task.DueAt); // 3 months, same London time
        Assert.Contains("last visited on", task.Explanation);
    }

    [Fact]
    public void The_plans_frequency_overrides_the_default()
    {
        var task = new World().With(_offender).Record(An.Registration(_offender, "2026-01-15 10:00", "low").With("visitMonths", 2))
            .Single<TaskOutput>(_offender, "offender-visit");
        Assert.Equal(Time.At("2026-03-15 10:00"), task.DueAt);
        Assert.Contains("risk management plan", task.Explanation);
    }

    [Fact]
    public void The_default_frequency_comes_from_settings() =>
        Assert.Equal(Time.At("2026-03-15 10:00"), new World().With(_offender).WithSetting("SO3.visitMonthsHigh", 2)
            .Record(An.Registration(_offender, "2026-01-15 10:00", "high")).Single<TaskOutput>(_offender, "offender-visit").DueAt);

    [Fact]
    public void The_last_day_of_a_short_month_is_the_due_date_for_a_visit_on_the_31st() =>
        Assert.Equal(Time.At("2026-02-28 10:00"), new World().With(_offender)
            .Record(An.Registration(_offender, "2026-01-31 10:00", "very-high")).Single<TaskOutput>(_offender, "offender-visit").DueAt);

    [Fact]
    public void Over_the_whole_history_each_visit_closes_the_task_due_and_only_the_latest_stays_open()
    {
        var world = new World().With(_offender).Given(
            An.Registration(_offender, "2026-01-15 10:00", "very-high"),
            An.Visit(_offender, "2026-02-10 10:00"),
            An.Visit(_offender, "2026-03-12 10:00"));
        var outputs = world.Derive(_offender);
        var tasks = outputs.For<TaskOutput>(_offender, "offender-visit");
        var closed = outputs.OfType<TaskClosure>().Where(c => c.Code == "offender-visit").Select(c => c.Key).ToHashSet();
        Assert.Equal(3, tasks.Count);
        var open = Assert.Single(tasks, t => !closed.Contains(t.Key));
        Assert.Equal(Time.At("2026-04-12 09:00"), open.DueAt);
    }

    [Fact]
    public void A_new_plan_before_the_next_visit_replaces_the_visit_due()
    {
        var world = new World().With(_offender).Given(
            An.Registration(_offender, "2026-01-15 10:00", "low"),
            An.Event("offender-plan").At("2026-02-01 10:00").Offender(_offender).With("riskLevel", "very-high"));
        var tasks = world.Derive(_offender).For<TaskOutput>(_offender, "offender-visit");
        var task = Assert.Single(tasks);
        Assert.Equal(Time.At("2026-02-15 10:00"), task.DueAt); // monthly now, counted from the registration (no visit yet)
    }

    [Fact]
    public void A_visit_to_someone_never_registered_raises_nothing() =>
        new World().With(_offender).Record(An.Visit(_offender, "2026-02-20 14:00")).None<TaskOutput>(_offender, "offender-visit");
}
