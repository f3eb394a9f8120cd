using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Protection;

public class IcpcRuleTests
{
    private readonly PersonFacts _child = A.Child();

    [Fact]
    public void Section_47_strategy_discussion_makes_an_icpc_due_in_15_working_days()
    {
        // Wednesday 1 April 2026, over Easter: the 15th working day is Friday 24 April.
        var task = new World().With(_child).Record(An.Event("strategy-discussion").At("2026-04-01 11:00").Child(_child).With("section47", true))
            .Single<TaskOutput>(_child, "icpc");
        Assert.Equal(Time.At("2026-04-24 22:59:59"), task.DueAt);
        Assert.Equal(("meeting", "kind", "icpc"), (task.ClosesWhen.EventType, task.ClosesWhen.Field, task.ClosesWhen.Value));
    }

    [Fact]
    public void No_section_47_no_conference() =>
        new World().With(_child).Record(An.Event("strategy-discussion").Child(_child).With("section47", false)).None<TaskOutput>(_child, "icpc");

    [Fact]
    public void Only_an_icpc_meeting_closes_it()
    {
        PersonFacts child = A.Child().WithOpenTask("icpc", "icpc", new TaskFulfilment("meeting", "kind", "icpc"));
        var world = new World().With(child);
        Assert.Empty(world.Record(An.Event("meeting").Child(child).With("kind", "marac")).OfType<TaskClosure>());
        world.Record(An.Event("meeting").Child(child).With("kind", "icpc")).Single<TaskClosure>(child, "icpc");
    }

    [Fact]
    public void Working_days_come_from_settings() =>
        Assert.Equal(Time.At("2026-04-02 22:59:59"), new World().With(_child).WithSetting("WT3.icpcWorkingDays", 1)
            .Record(An.Event("strategy-discussion").At("2026-04-01 11:00").Child(_child).With("section47", true)).Single<TaskOutput>(_child, "icpc").DueAt);
}
