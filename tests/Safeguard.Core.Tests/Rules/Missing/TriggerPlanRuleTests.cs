using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

public class TriggerPlanRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private World RepeatMissingWorld(PersonFacts child) => new World().With(child).Given(
        An.MissingReport(child, "2026-01-01 20:00").Id("m1"),
        An.Located(child, "m1", "2026-01-02 08:00").With("foundLocation", "Bus station"),
        An.MissingReport(child, "2026-02-01 20:00").Id("m2"));

    [Fact]
    public void Repeat_missing_child_gets_a_trigger_plan_task_due_in_seven_days()
    {
        var task = RepeatMissingWorld(_child).Record(An.MissingReport(_child, "2026-03-01 20:00").Id("m3"))
            .Single<TaskOutput>(_child, "trigger-plan");

        Assert.Equal(Time.At("2026-03-08 20:00"), task.DueAt);
        Assert.Equal(Teams.MissingPersons, task.AssignedTo);
        Assert.Equal("trigger-plan", task.ClosesWhen.EventType);
        Assert.Contains("Bus station", task.Explanation);
    }

    [Fact]
    public void No_trigger_plan_task_below_the_threshold() =>
        new World().With(_child).Given(An.MissingReport(_child, "2026-02-01 20:00"))
            .Record(An.MissingReport(_child, "2026-03-01 20:00")).None<TaskOutput>(_child, "trigger-plan");

    [Fact]
    public void No_second_task_while_one_is_open()
    {
        PersonFacts child = A.Child().WithOpenTask("k", "trigger-plan", new TaskFulfilment("trigger-plan"));
        RepeatMissingWorld(child).Record(An.MissingReport(child, "2026-03-01 20:00")).None<TaskOutput>(child, "trigger-plan");
    }

    [Fact]
    public void No_task_when_the_child_already_has_a_trigger_plan_flag()
    {
        PersonFacts child = A.Child().WithFlag("trigger-plan");
        RepeatMissingWorld(child).Record(An.MissingReport(child, "2026-03-01 20:00")).None<TaskOutput>(child, "trigger-plan");
    }

    [Fact]
    public void Days_come_from_settings()
    {
        var world = RepeatMissingWorld(_child).WithSetting("F4.triggerPlanCalendarDays", 2);
        Assert.Equal(Time.At("2026-03-03 20:00"),
            world.Record(An.MissingReport(_child, "2026-03-01 20:00")).Single<TaskOutput>(_child, "trigger-plan").DueAt);
    }
}
