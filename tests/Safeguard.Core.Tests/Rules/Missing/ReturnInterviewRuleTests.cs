using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

public class ReturnInterviewRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private World Missing() => new World().With(_child).Given(An.MissingReport(_child, "2026-03-01 20:00").Id("m1"));

    [Fact]
    public void Return_interview_is_due_72_hours_after_the_child_is_found()
    {
        // Located at 23:00 on Friday 27 March; the clocks change on Sunday but hours are elapsed time.
        var task = Missing().Record(An.Located(_child, "m1", "2026-03-27 23:00")).Single<TaskOutput>(_child, "return-interview");
        Assert.Equal(Time.At("2026-03-30 23:00"), task.DueAt);
        Assert.Equal(new TaskFulfilment("return-interview", "missingEventId", "m1"), task.ClosesWhen);
        Assert.Equal(["m1", task.EventIds[1]], task.EventIds);
    }

    [Fact]
    public void Located_at_comes_from_the_data_not_the_recording_time()
    {
        var located = An.Event("missing-located").At("2026-03-04 10:00").Child(_child)
            .With("missingEventId", "m1").With("locatedAt", Time.At("2026-03-02 06:00"));
        Assert.Equal(Time.At("2026-03-05 06:00"), Missing().Record(located).Single<TaskOutput>(_child, "return-interview").DueAt);
    }

    [Fact]
    public void An_offered_interview_closes_the_task()
    {
        PersonFacts child = A.Child().WithOpenTask("ri", "return-interview", new TaskFulfilment("return-interview", "missingEventId", "m1"));
        var outputs = new World().With(child).Record(An.Event("return-interview").Child(child)
            .With("missingEventId", "m1").With("offeredAt", Time.At("2026-03-03 10:00")).With("declined", true));
        Assert.Equal("ri", outputs.Single<TaskClosure>(child, "return-interview").Key);
    }

    [Fact]
    public void An_interview_for_another_episode_does_not_close_the_task()
    {
        PersonFacts child = A.Child().WithOpenTask("ri", "return-interview", new TaskFulfilment("return-interview", "missingEventId", "m1"));
        var outputs = new World().With(child).Record(An.Event("return-interview").Child(child).With("missingEventId", "m2"));
        Assert.Empty(outputs.OfType<TaskClosure>());
    }

    [Fact]
    public void Hours_come_from_settings()
    {
        var world = Missing().WithSetting("MI3.returnInterviewHours", 48);
        Assert.Equal(Time.At("2026-03-04 06:00"),
            world.Record(An.Located(_child, "m1", "2026-03-02 06:00")).Single<TaskOutput>(_child, "return-interview").DueAt);
    }

    [Fact]
    public void No_task_for_an_adult_in_the_located_event()
    {
        PersonFacts carer = A.Adult();
        var outputs = Missing().With(carer).Record(An.Located(_child, "m1", "2026-03-02 06:00").With(carer, "carer"));
        Assert.DoesNotContain(outputs, o => o.PersonId == carer.PersonId);
    }
}
