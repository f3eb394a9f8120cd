using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

public class SafeAndWellCheckRuleTests
{
    private readonly PersonFacts _child = A.Child();

    [Fact]
    public void Found_child_gets_a_safe_and_well_check_due_in_24_hours_closed_by_a_check_for_that_episode()
    {
        var world = new World().With(_child).Given(An.MissingReport(_child, "2026-03-01 20:00").Id("m1"));
        var task = world.Record(An.Located(_child, "m1", "2026-03-02 03:00")).Single<TaskOutput>(_child, "safe-and-well-check");

        Assert.Equal(Time.At("2026-03-03 03:00"), task.DueAt);
        Assert.Equal(Teams.Response, task.AssignedTo);
        Assert.Equal(new TaskFulfilment("safe-and-well-check", "missingEventId", "m1"), task.ClosesWhen);
    }

    [Fact]
    public void The_check_closes_the_open_task_of_its_episode_only()
    {
        var open = new TaskFulfilment("safe-and-well-check", "missingEventId", "m1");
        PersonFacts child = A.Child().WithOpenTask("swc-m1", "safe-and-well-check", open)
            .WithOpenTask("swc-m0", "safe-and-well-check", new TaskFulfilment("safe-and-well-check", "missingEventId", "m0"));
        var outputs = new World().With(child).Record(An.Event("safe-and-well-check").Child(child).With("missingEventId", "m1").Id("c1"));

        var closure = Assert.Single(outputs.OfType<TaskClosure>());
        Assert.Equal("swc-m1", closure.Key);
        Assert.Equal("c1", closure.ClosedByEventId);
    }

    [Fact]
    public void Hours_come_from_settings()
    {
        var world = new World().With(_child).WithSetting("MI4.safeAndWellCheckHours", 4)
            .Given(An.MissingReport(_child, "2026-03-01 20:00").Id("m1"));
        Assert.Equal(Time.At("2026-03-02 07:00"),
            world.Record(An.Located(_child, "m1", "2026-03-02 03:00")).Single<TaskOutput>(_child, "safe-and-well-check").DueAt);
    }

    [Fact]
    public void A_located_event_without_missing_event_id_is_tied_to_the_latest_report()
    {
        var world = new World().With(_child).Given(An.MissingReport(_child, "2026-03-01 20:00").Id("m1"));
        var task = world.Record(An.Event("missing-located").At("2026-03-02 03:00").Child(_child)).Single<TaskOutput>(_child, "safe-and-well-check");
        Assert.Equal("m1", task.ClosesWhen.Value);
    }

    [Fact]
    public void A_check_recorded_before_the_located_event_closes_the_new_task_at_once()
    {
        var world = new World().With(_child).Given(
            An.MissingReport(_child, "2026-03-01 20:00").Id("m1"),
            An.Event("safe-and-well-check").At("2026-03-02 05:00").Child(_child).With("missingEventId", "m1").Id("c1"));
        var outputs = world.Record(An.Located(_child, "m1", "2026-03-02 03:00").RecordedAt("2026-03-02 09:00"));

        var task = outputs.Single<TaskOutput>(_child, "safe-and-well-check");
        var closure = outputs.Single<TaskClosure>(_child, "safe-and-well-check");
        Assert.Equal(task.Key, closure.Key);
        Assert.Equal("c1", closure.ClosedByEventId);
    }
}
