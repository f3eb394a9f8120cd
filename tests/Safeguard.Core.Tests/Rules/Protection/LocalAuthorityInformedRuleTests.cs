using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Protection;

/// <summary>PP1: the local authority is told as soon as practicable; a task stays open until it is.</summary>
public class LocalAuthorityInformedRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private EventBuilder Start() => An.Event("police-protection").At("2026-03-01 18:00").Child(_child).Id("pp1")
        .With("initiatingOfficer", "PC 101 Ada Obi").With("designatedOfficer", "Insp 7 Józef Nowak");

    [Fact]
    public void A_start_without_the_local_authority_told_raises_a_task_due_two_hours_later()
    {
        var task = new World().With(_child).Record(Start()).Single<TaskOutput>(_child, "police-protection-la-informed");
        Assert.Equal(Time.At("2026-03-01 20:00"), task.DueAt);
        Assert.Equal(Teams.DesignatedOfficer, task.AssignedTo);
        Assert.Equal("police-protection-la-informed", task.ClosesWhen.EventType);
    }

    [Fact]
    public void A_start_that_says_when_the_local_authority_was_told_raises_none() =>
        new World().With(_child).Record(Start().With("localAuthorityInformedAt", Time.At("2026-03-01 18:30")))
            .None<TaskOutput>(_child, "police-protection-la-informed");

    [Fact]
    public void An_end_that_says_when_it_was_told_takes_the_task_away()
    {
        var world = new World().With(_child).Given(An.Event("police-protection-ended").At("2026-03-02 10:00").Child(_child)
            .With("localAuthorityInformedAt", Time.At("2026-03-01 19:00")));
        world.Record(Start()).None<TaskOutput>(_child, "police-protection-la-informed");
    }

    [Fact]
    public void Recording_the_local_authority_told_closes_the_task_but_not_one_from_before_the_start()
    {
        var task = new World().With(_child).Record(Start()).Single<TaskOutput>(_child, "police-protection-la-informed");
        PersonFacts withTask = _child with { OpenTasks = [new OpenTask(task.Key, task.Code, task.ClosesWhen)] };
        new World().With(withTask).Record(An.Event("police-protection-la-informed").At("2026-03-01 17:00").Child(withTask)
            .With("localAuthorityInformedAt", Time.At("2026-03-01 17:00"))).None<TaskClosure>(withTask, "police-protection-la-informed");
        Assert.Equal(task.Key, new World().With(withTask).Record(An.Event("police-protection-la-informed").At("2026-03-01 19:10").Child(withTask)
            .With("localAuthorityInformedAt", Time.At("2026-03-01 19:10"))).Single<TaskClosure>(withTask, "police-protection-la-informed").Key);
    }

    [Fact]
    public void The_hours_come_from_the_settings() =>
        Assert.Equal(Time.At("2026-03-01 19:00"), new World().With(_child).WithSetting("PP1.localAuthorityInformedHours", 1).Record(Start())
            .Single<TaskOutput>(_child, "police-protection-la-informed").DueAt);
}
