using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Protection;

public class RecordOutcomeRuleTests
{
    private readonly PersonFacts _child = A.Child();

    [Fact]
    public void Investigation_closed_without_outcome_for_the_child_raises_a_record_outcome_task()
    {
        // Monday 2 March 2026 + 5 working days = end of Monday 9 March.
        var task = new World().With(_child).Record(An.Event("investigation-closed").At("2026-03-02 10:00").Victim(_child)
            .With("investigationId", "inv1")).Single<TaskOutput>(_child, "record-outcome");
        Assert.Equal(Time.At("2026-03-09 23:59:59"), task.DueAt);
        Assert.Equal("outcome-recorded", task.ClosesWhen.EventType);
    }

    [Fact]
    public void Investigation_closed_with_outcome_and_child_informed_needs_nothing() =>
        new World().With(_child).Record(An.Event("investigation-closed").Victim(_child)
            .With("outcomeForChild", "Safety plan agreed with school").With("childInformed", true))
            .None<TaskOutput>(_child, "record-outcome");

    [Fact]
    public void A_child_released_from_custody_needs_the_outcome_recorded()
    {
        PersonFacts child = A.Child().AgedYears(16);
        new World().With(child).Record(An.Event("custody-released").With(child, "suspect").With("custodyId", "c1"))
            .Single<TaskOutput>(child, "record-outcome");
    }

    [Fact]
    public void An_adult_released_from_custody_needs_nothing()
    {
        PersonFacts adult = A.Adult();
        new World().With(adult).Record(An.Event("custody-released").With(adult, "suspect")).None<TaskOutput>(adult, "record-outcome");
    }

    [Fact]
    public void An_outcome_recorded_closes_the_task()
    {
        PersonFacts child = A.Child().WithOpenTask("ro", "record-outcome", new TaskFulfilment("outcome-recorded", NotBefore: Time.At("2026-03-02 10:00")));
        new World().With(child).Record(An.Event("outcome-recorded").At("2026-03-03 10:00").Child(child).With("outcomeForChild", "x").With("childInformed", true))
            .Single<TaskClosure>(child, "record-outcome");
    }

    [Fact]
    public void Working_days_come_from_settings() =>
        Assert.Equal(Time.At("2026-03-03 23:59:59"), new World().With(_child).WithSetting("B3.recordOutcomeWorkingDays", 1)
            .Record(An.Event("investigation-closed").At("2026-03-02 10:00").Victim(_child)).Single<TaskOutput>(_child, "record-outcome").DueAt);
}
