using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Rules;

public class OutputEntitiesTests
{
    private readonly PersonFacts _child = A.Child();

    [Fact]
    public void A_stored_task_is_closed_by_the_event_that_fulfils_it()
    {
        var world = new World().With(_child).Given(An.MissingReport(_child, "2026-03-01 20:00").Id("m1"));
        var task = world.Record(An.Located(_child, "m1", "2026-03-02 06:00")).Single<TaskOutput>(_child, "return-interview")
            .ToWorkTask(Guid.NewGuid(), Time.At("2026-03-02 06:01"));

        // What ingestion does next time: read the stored task back into the person's facts.
        var facts = _child with { OpenTasks = [new OpenTask(task.Key, task.Code, TaskFulfilment.Parse(task.ClosesWhen!))] };
        var closure = new World().With(facts).Record(An.Event("return-interview").At("2026-03-03 10:00").Child(facts)
            .With("missingEventId", "m1").Id("ri1")).Single<TaskClosure>(facts, "return-interview");

        Assert.True(closure.Apply(task));
        Assert.Equal((Work.TaskStatus.Done, "ri1", Time.At("2026-03-03 10:00")), (task.Status, task.ClosedByEventId, task.ClosedAt));
        Assert.False(closure.Apply(task));
    }

    [Fact]
    public void A_suggestion_becomes_a_suggested_flag_with_its_reason_and_key()
    {
        PersonFacts child = A.Child().AgedYears(15);
        var suggestion = new World().With(child).Record(An.Screening(child, "2026-03-01 10:00", "missing", "gifts-money", "self-harm"))
            .Single<FlagSuggestion>(child, "cse-risk");
        var flag = suggestion.ToSuggestedFlag(Guid.NewGuid(), Time.At("2026-03-01 10:01"));

        Assert.Equal(("cse-risk", "suggested"), (flag.Code, flag.Status));
        Assert.Equal(suggestion.Key, flag.Reasons.Single().Key);
        Assert.Single(flag.History);
    }
}
