using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Protection;

public class StrategyDiscussionRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private static EventBuilder Incident(PersonFacts child, string grade, params string[] classifications) =>
        An.Event("incident").At("2026-03-02 10:00").Child(child).WithList("classifications", classifications).With("riskGrade", grade);

    [Fact]
    public void Neglect_graded_high_makes_a_strategy_discussion_due_by_the_end_of_the_next_working_day()
    {
        // Monday 2 March 2026, 10:00: one working day later is the end of Tuesday 3 March (UK time, GMT).
        var task = new World().With(_child).Record(Incident(_child, "high", "neglect")).Single<TaskOutput>(_child, "strategy-discussion");
        Assert.Equal(Time.At("2026-03-03 23:59:59"), task.DueAt);
        Assert.Equal("strategy-discussion", task.ClosesWhen.EventType);
        Assert.Equal(Time.At("2026-03-02 10:00"), task.ClosesWhen.NotBefore);
        Assert.Contains("neglect graded high", task.Explanation);
    }

    [Fact]
    public void A_friday_evening_concern_is_due_by_the_end_of_monday()
    {
        var task = new World().With(_child).Record(Incident(_child, "high", "physical-abuse").At("2026-03-06 19:30"))
            .Single<TaskOutput>(_child, "strategy-discussion");
        Assert.Equal(Time.At("2026-03-09 23:59:59"), task.DueAt);
    }

    [Fact]
    public void Sexual_abuse_needs_a_strategy_discussion_at_any_grade() =>
        new World().With(_child).Record(Incident(_child, "standard", "sexual-abuse")).Single<TaskOutput>(_child, "strategy-discussion");

    [Theory]
    [InlineData("medium", "neglect")]
    [InlineData("standard", "physical-abuse")]
    [InlineData("high", "domestic-abuse")]
    [InlineData("high", "missing")]
    public void Concerns_below_significant_harm_raise_no_strategy_discussion(string grade, string classification) =>
        new World().With(_child).Record(Incident(_child, grade, classification)).None<TaskOutput>(_child, "strategy-discussion");

    [Fact]
    public void A_ppn_graded_high_for_emotional_abuse_counts_too() =>
        new World().With(_child).Record(An.Event("ppn").At("2026-03-02 10:00").Child(_child).WithList("concerns", "emotional-abuse").With("riskGrade", "high"))
            .Single<TaskOutput>(_child, "strategy-discussion");

    [Fact]
    public void Cse_classified_events_are_left_to_the_cse_rule_so_only_one_task_is_raised()
    {
        var outputs = new World().With(_child).Record(Incident(_child, "high", "cse", "sexual-abuse"));
        var task = Assert.Single(outputs.OfType<TaskOutput>(), t => t.Code == "strategy-discussion");
        Assert.Equal("C1-cse-classified-event", task.Rule);
    }

    [Fact]
    public void Police_protection_makes_a_strategy_discussion_due() =>
        new World().With(_child).Record(An.Event("police-protection").At("2026-03-02 02:00").Child(_child)
            .With("initiatingOfficer", "PC 1").With("designatedOfficer", "Insp 2")).Single<TaskOutput>(_child, "strategy-discussion");

    [Fact]
    public void A_significant_cse_screening_makes_a_strategy_discussion_due_and_a_low_one_does_not()
    {
        new World().With(_child).Record(An.Screening(_child, "2026-03-02 10:00", "missing", "gifts-money", "school-absence"))
            .Single<TaskOutput>(_child, "strategy-discussion");
        new World().With(_child).Record(An.Screening(_child, "2026-03-02 10:00", "missing"))
            .None<TaskOutput>(_child, "strategy-discussion");
    }

    [Fact]
    public void No_second_task_while_one_is_open()
    {
        PersonFacts child = A.Child().WithOpenTask("earlier", "strategy-discussion", new TaskFulfilment("strategy-discussion"));
        new World().With(child).Record(Incident(child, "high", "neglect")).None<TaskOutput>(child, "strategy-discussion");
    }

    [Fact]
    public void An_adult_victim_is_not_a_child()
    {
        PersonFacts adult = A.Adult();
        new World().With(adult).Record(An.Event("incident").At("2026-03-02 10:00").Victim(adult).WithList("classifications", "physical-abuse").With("riskGrade", "high"))
            .None<TaskOutput>(adult, "strategy-discussion");
    }

    [Fact]
    public void Working_days_come_from_settings() =>
        Assert.Equal(Time.At("2026-03-04 23:59:59"), new World().With(_child).WithSetting("WT2.strategyDiscussionWorkingDays", 2)
            .Record(Incident(_child, "high", "neglect")).Single<TaskOutput>(_child, "strategy-discussion").DueAt);

    [Fact]
    public void A_strategy_discussion_at_or_after_the_concern_closes_it_and_one_before_does_not()
    {
        PersonFacts child = A.Child().WithOpenTask("sd", "strategy-discussion", new TaskFulfilment("strategy-discussion", NotBefore: Time.At("2026-03-02 10:00")));
        var world = new World().With(child);
        Assert.Empty(world.Record(An.Event("strategy-discussion").At("2026-03-02 09:59").Child(child).WithList("agencies", "police").With("section47", false))
            .OfType<TaskClosure>());
        world.Record(An.Event("strategy-discussion").At("2026-03-02 10:00").Child(child).WithList("agencies", "police").With("section47", false))
            .Single<TaskClosure>(child, "strategy-discussion");
    }
}
