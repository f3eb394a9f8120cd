using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Protection;

public class PoliceProtectionLimitRuleTests
{
    private readonly PersonFacts _child = A.Child();

    [Fact]
    public void Police_protection_ends_72_hours_after_it_starts()
    {
        var task = new World().With(_child).Record(An.Event("police-protection").At("2026-03-27 18:00").Child(_child))
            .Single<TaskOutput>(_child, "police-protection-limit");
        Assert.Equal(Time.At("2026-03-30 18:00"), task.DueAt);
        Assert.Equal("police-protection-ended", task.ClosesWhen.EventType);
    }

    [Fact]
    public void Ending_police_protection_closes_the_task()
    {
        var world = new World().With(_child);
        var task = world.Record(An.Event("police-protection").At("2026-03-01 18:00").Child(_child)).Single<TaskOutput>(_child, "police-protection-limit");
        PersonFacts withTask = _child with { OpenTasks = [new OpenTask(task.Key, task.Code, task.ClosesWhen)] };
        Assert.Equal(task.Key, new World().With(withTask).Record(An.Event("police-protection-ended").At("2026-03-02 10:00").Child(withTask))
            .Single<TaskClosure>(withTask, "police-protection-limit").Key);
    }

    [Fact]
    public void Hours_come_from_settings() =>
        Assert.Equal(Time.At("2026-03-02 18:00"), new World().With(_child).WithSetting("PP1.policeProtectionHours", 24)
            .Record(An.Event("police-protection").At("2026-03-01 18:00").Child(_child)).Single<TaskOutput>(_child, "police-protection-limit").DueAt);

    [Fact]
    public void Adults_in_the_event_get_nothing()
    {
        PersonFacts parent = A.Adult();
        var outputs = new World().With(_child, parent).Record(An.Event("police-protection").Child(_child).With(parent, "parent"));
        outputs.None<TaskOutput>(parent, "police-protection-limit");
    }
}
