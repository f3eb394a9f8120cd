using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Missing;

public class MissingWithCseIndicatorsRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private World WithIndicators(PersonFacts child) =>
        new World().With(child).Given(An.Screening(child, "2026-02-01 10:00", "substance-misuse").Id("s1"));

    [Fact]
    public void Missing_child_with_cse_indicators_gets_cse_risk_suggestion_and_a_screening_task()
    {
        // Sunday 1 March 2026: five working days later is the end of Friday 6 March.
        var outputs = WithIndicators(_child).Record(An.MissingReport(_child, "2026-03-01 20:00").Id("m1"));

        var flag = outputs.Single<FlagSuggestion>(_child, "cse-risk");
        Assert.Equal(["s1", "m1"], flag.EventIds);
        var task = outputs.Single<TaskOutput>(_child, "cse-screening");
        Assert.Equal(Time.At("2026-03-06 23:59:59"), task.DueAt);
        Assert.Equal("cse-screening", task.ClosesWhen.EventType);
        Assert.Equal(Teams.ChildExploitation, task.AssignedTo);
    }

    [Fact]
    public void Missing_child_without_indicators_gets_nothing_from_this_rule()
    {
        var outputs = new World().With(_child).Record(An.MissingReport(_child, "2026-03-01 20:00"));
        outputs.None<FlagSuggestion>(_child, "cse-risk");
        outputs.None<TaskOutput>(_child, "cse-screening");
    }

    [Fact]
    public void No_screening_task_while_one_is_open()
    {
        PersonFacts child = A.Child().WithOpenTask("k", "cse-screening", new TaskFulfilment("cse-screening"));
        var outputs = WithIndicators(child).Record(An.MissingReport(child, "2026-03-01 20:00"));
        outputs.Single<FlagSuggestion>(child, "cse-risk");
        outputs.None<TaskOutput>(child, "cse-screening");
    }

    [Fact]
    public void A_later_screening_closes_the_task_but_an_earlier_one_does_not()
    {
        PersonFacts child = A.Child().WithOpenTask("k", "cse-screening", new TaskFulfilment("cse-screening", NotBefore: Time.At("2026-03-01 20:00")));
        var world = new World().With(child);
        Assert.Empty(world.Record(An.Screening(child, "2026-02-20 10:00").RecordedAt("2026-03-02 10:00")).OfType<TaskClosure>());
        Assert.Equal("k", world.Record(An.Screening(child, "2026-03-02 10:00")).Single<TaskClosure>(child, "cse-screening").Key);
    }

    [Fact]
    public void Working_days_come_from_settings()
    {
        var world = WithIndicators(_child).WithSetting("F6.cseScreeningWorkingDays", 1);
        Assert.Equal(Time.At("2026-03-02 23:59:59"),
            world.Record(An.MissingReport(_child, "2026-03-01 20:00")).Single<TaskOutput>(_child, "cse-screening").DueAt);
    }
}
