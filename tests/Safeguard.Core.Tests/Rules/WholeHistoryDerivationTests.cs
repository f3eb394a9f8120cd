using Safeguard.Core.Calendar;
using Safeguard.Core.Flags;
using Safeguard.Core.Rules;
using Safeguard.Core.Settings;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules;

/// <summary>E6: <see cref="RuleEngine.Derive"/> reads the whole history, every event in turn as the trigger.</summary>
public class WholeHistoryDerivationTests
{
    private static readonly DateTimeOffset Now = Time.At("2026-03-10 09:00");

    private static DerivedOutputs Derive(PersonFacts person, params ChronologyEvent[] events) =>
        RuleEngine.Default.Derive(new PersonHistory(person, events), new Dictionary<Guid, PersonHistory>(), RuleSettings.Defaults, SafeguardCalendar.Default, Now);

    private sealed class WakeAtNoonRule : IRule
    {
        public string Name => "T-wake";
        public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-reported" };
        public List<DateTimeOffset> SeenNow { get; } = [];

        public IEnumerable<RuleOutput> Evaluate(RuleContext context)
        {
            SeenNow.Add(context.Now);
            yield return new WakeUp(Name, context.PersonId, "review", RuleOutput.KeyFor(Name, context.PersonId, context.Trigger.Id), "Review at noon.",
                [context.Trigger.Id], new DateTimeOffset(context.Trigger.OccurredAt.UtcDateTime.Date.AddHours(12), TimeSpan.Zero));
        }
    }

    [Fact]
    public void A_screening_before_a_missing_report_is_seen_by_it_whatever_order_the_chronology_is_given_in()
    {
        PersonFacts child = A.Child();
        ChronologyEvent report = An.MissingReport(child, "2026-03-01 20:00").Id("m1");
        ChronologyEvent screening = An.Screening(child, "2026-02-20 15:00", "missing").Id("s1").RecordedAt("2026-03-02 09:00");

        var inOrder = Derive(child, screening, report);
        var reversed = Derive(child, report, screening);

        var flag = Assert.Single(inOrder.Outputs.OfType<FlagSuggestion>(), f => f.Code == "cse-risk");
        Assert.Equal(["s1", "m1"], flag.EventIds);
        static string Shape(RuleOutput o) => $"{o.Kind} {o.Key} {o.EffectiveAt:O} {string.Join(",", o.EventIds)} {o.Explanation}";
        Assert.Equal(inOrder.Outputs.Select(Shape), reversed.Outputs.Select(Shape));
    }

    [Fact]
    public void A_second_report_while_the_first_reports_screening_task_is_open_raises_no_second_task_and_a_later_screening_closes_the_first()
    {
        PersonFacts child = A.Child();
        var outputs = Derive(child,
            An.Screening(child, "2026-02-01 10:00", "missing").Id("s0"),
            An.MissingReport(child, "2026-02-10 20:00").Id("m1"),
            An.MissingReport(child, "2026-02-12 20:00").Id("m2"),
            An.Screening(child, "2026-02-14 10:00").Id("s1")).Outputs;

        var task = Assert.Single(outputs.OfType<TaskOutput>(), t => t.Code == "cse-screening");
        Assert.Contains("m1", task.Key);
        var closure = Assert.Single(outputs.OfType<TaskClosure>(), c => c.Key == task.Key);
        Assert.Equal("s1", closure.ClosedByEventId);
    }

    [Fact]
    public void Every_output_is_effective_at_its_latest_event()
    {
        PersonFacts child = A.Child();
        var outputs = Derive(child, An.MissingReport(child, "2026-01-05 20:00").Id("a"), An.MissingReport(child, "2026-01-20 20:00").Id("b"),
            An.MissingReport(child, "2026-02-03 20:00").Id("c")).Outputs;

        var flag = Assert.Single(outputs.OfType<FlagSuggestion>(), f => f.Code == "repeat-missing");
        Assert.Equal(Time.At("2026-02-03 20:00"), flag.EffectiveAt);
    }

    [Fact]
    public void A_flag_a_person_raised_after_an_event_does_not_count_for_that_event()
    {
        var raisedLater = A.Child().Build() with { Flags = [new FlagFact("cse-risk", FlagStatus.Confirmed, Time.At("2026-03-05 09:00"))] };
        var raisedBefore = raisedLater with { Flags = [new FlagFact("cse-risk", FlagStatus.Confirmed, Time.At("2026-02-01 09:00"))] };

        // F3: a low-graded report for a child with a live cse-risk flag asks for the grade to be reviewed.
        Assert.DoesNotContain(Derive(raisedLater, An.MissingReport(raisedLater, "2026-03-01 20:00", "low").Id("m")).Outputs, o => o.Code == "missing-grade-review");
        Assert.Contains(Derive(raisedBefore, An.MissingReport(raisedBefore, "2026-03-01 20:00", "low").Id("m")).Outputs, o => o.Code == "missing-grade-review");
    }

    [Fact]
    public void A_rule_can_ask_to_be_woken_and_is_told_the_time_of_the_run()
    {
        var rule = new WakeAtNoonRule();
        PersonFacts child = A.Child();
        var derived = new RuleEngine([rule]).Derive(new PersonHistory(child, [An.MissingReport(child, "2026-03-01 08:00").Id("m")]),
            new Dictionary<Guid, PersonHistory>(), RuleSettings.Defaults, SafeguardCalendar.Default, Time.At("2026-03-01 12:00"));

        var wake = Assert.Single(derived.Outputs.OfType<WakeUp>());
        Assert.Equal(Time.At("2026-03-01 12:00"), wake.At);
        Assert.Equal([Time.At("2026-03-01 12:00")], rule.SeenNow);
    }
}
