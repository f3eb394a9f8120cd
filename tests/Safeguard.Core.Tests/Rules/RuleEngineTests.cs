using Safeguard.Core.Calendar;
using Safeguard.Core.Flags;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Settings;
using Safeguard.Core.Tests.Builders;
using Safeguard.Core.Work;

namespace Safeguard.Core.Tests.Rules;

public class RuleEngineTests
{
    private sealed class EchoRule(string name, params string[] types) : IRule
    {
        public string Name => name;
        public IReadOnlySet<string> ReactsTo { get; } = types.ToHashSet();
        public List<RuleContext> Seen { get; } = [];

        public IEnumerable<RuleOutput> Evaluate(RuleContext context)
        {
            Seen.Add(context);
            yield return new AlertOutput(Name, context.PersonId, "echo", RuleOutput.KeyFor("echo", context.PersonId, context.Trigger.Id),
                "echo", [context.Trigger.Id], Audiences.Supervisor);
        }
    }

    private static IReadOnlyList<RuleOutput> Run(RuleEngine engine, ChronologyEvent trigger, params PersonHistory[] people) =>
        engine.Evaluate(trigger, people.ToDictionary(p => p.Facts.PersonId), RuleSettings.Defaults, SafeguardCalendar.Default, trigger.RecordedAt);

    [Fact]
    public void Runs_only_rules_that_react_to_the_event_type_for_every_person_in_it()
    {
        var missing = new EchoRule("a", "missing-reported");
        var other = new EchoRule("b", "incident");
        PersonFacts child = A.Child(), parent = A.Adult();
        var outputs = Run(new RuleEngine([missing, other]), An.MissingReport(child, "2026-03-01 20:00").With(parent, "reporting-person"));

        Assert.Equal(2, outputs.Count);
        Assert.Empty(other.Seen);
        Assert.Equal(new[] { child.PersonId, parent.PersonId }.Order(), missing.Seen.Select(c => c.PersonId));
    }

    [Fact]
    public void Outputs_with_the_same_key_appear_once()
    {
        var outputs = Run(new RuleEngine([new EchoRule("a", "incident"), new EchoRule("b", "incident")]), An.Event("incident").Child(A.Child()));
        Assert.Single(outputs);
    }

    [Fact]
    public void Context_chronology_is_sorted_holds_the_trigger_and_only_the_subjects_events()
    {
        var rule = new EchoRule("a", "missing-reported");
        PersonFacts child = A.Child(), stranger = A.Child();
        ChronologyEvent late = An.MissingReport(child, "2026-02-01 10:00").Id("b");
        ChronologyEvent early = An.MissingReport(child, "2026-01-01 10:00").Id("a");
        ChronologyEvent unrelated = An.MissingReport(stranger, "2026-01-15 10:00").Id("x");
        Run(new RuleEngine([rule]), An.MissingReport(child, "2026-03-01 10:00").Id("c"), new PersonHistory(child, [late, unrelated, early]));

        Assert.Equal(["a", "b", "c"], rule.Seen.Single().Chronology.Select(e => e.Id));
    }

    [Fact]
    public void Same_time_events_are_ordered_by_recording_time_then_id()
    {
        var rule = new EchoRule("a", "incident");
        PersonFacts child = A.Child();
        ChronologyEvent b = An.Event("incident").At("2026-03-01 10:00").RecordedAt("2026-03-01 11:00").Child(child).Id("b");
        ChronologyEvent a = An.Event("incident").At("2026-03-01 10:00").RecordedAt("2026-03-01 11:00").Child(child).Id("a");
        ChronologyEvent first = An.Event("incident").At("2026-03-01 10:00").RecordedAt("2026-03-01 10:30").Child(child).Id("z");
        Run(new RuleEngine([rule]), b, new PersonHistory(child, [b, a, first]));

        Assert.Equal(["z", "a", "b"], rule.Seen.Single().Chronology.Select(e => e.Id));
    }

    [Fact]
    public void A_person_without_a_supplied_history_is_evaluated_with_the_trigger_alone()
    {
        var rule = new EchoRule("a", "incident");
        PersonFacts child = A.Child();
        Run(new RuleEngine([rule]), An.Event("incident").Child(child));
        Assert.Null(rule.Seen.Single().Subject.DateOfBirth);
    }

    [Fact]
    public void Outputs_are_ordered_by_person_then_kind_then_key()
    {
        PersonFacts child = A.Child().AgedYears(15), suspect = A.Suspect();
        var outputs = new World().With(child, suspect).Record(An.Event("incident").Victim(child).Suspect(suspect).WithList("classifications", "cse"));
        var expected = outputs.OrderBy(o => o.PersonId).ThenBy(o => o.Kind == "flag" ? 0 : o.Kind == "task" ? 1 : 2).ThenBy(o => o.Key, StringComparer.Ordinal);
        Assert.Equal(expected, outputs);
        Assert.Equal(3, outputs.Count);
    }

    [Fact]
    public void Every_output_explains_itself_with_rule_and_events()
    {
        PersonFacts child = A.Child(), suspect = A.Suspect();
        var outputs = new World().With(child, suspect).Record(An.Event("incident").Victim(child).Suspect(suspect).WithList("classifications", "cse"));
        Assert.All(outputs, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Rule));
            Assert.EndsWith(".", o.Explanation);
            Assert.NotEmpty(o.EventIds);
            Assert.Contains(o.PersonId.ToString("D"), o.Key);
        });
    }

    [Fact]
    public void Every_catalogue_rule_has_a_unique_name_and_reacts_to_known_event_types()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Name).Distinct().Count());
        Assert.All(RuleCatalogue.All.SelectMany(r => r.ReactsTo), t => Assert.Contains(t, Vocabulary.EventTypes));
    }

    [Fact]
    public void Every_event_type_that_closes_a_task_is_in_the_vocabulary()
    {
        string[] closing = ["trigger-plan", "safe-and-well-check", "return-interview", "cse-screening", "strategy-discussion",
            "operation-encompass", "outcome-recorded", "meeting", "police-protection-ended"];
        Assert.All(closing, t => Assert.Contains(t, Vocabulary.EventTypes));
    }

    [Fact]
    public void Stored_events_become_chronology_events_with_their_data()
    {
        var stored = new Event
        {
            Id = "e1", Type = "missing-reported", OccurredAt = Time.At("2026-03-01 20:00"), RecordedAt = Time.At("2026-03-01 21:00"),
            Data = """{"riskGrade":"low","lookedAfter":true}""",
            People = [new EventParticipant { EventId = "e1", PersonId = Guid.Empty, Role = "child" }],
        };
        var e = ChronologyEvent.From(stored);
        Assert.Equal(("low", true, "child"), (e.Text("riskGrade"), e.Flag("lookedAfter"), e.People.Single().Role));
        Assert.Null(ChronologyEvent.From(new Event { Id = "bad", Data = "not json" }).Text("riskGrade"));
    }

    [Fact]
    public void Person_facts_read_open_tasks_with_what_closes_them()
    {
        var person = new Person { Id = Guid.NewGuid(), DateOfBirth = Time.Date("2012-01-01") };
        var closes = new TaskFulfilment("return-interview", "missingEventId", "m1");
        var facts = PersonFacts.From(person,
            [new Flag { PersonId = person.Id, Code = "cse-risk", Status = FlagStatus.Suggested }],
            [
                new WorkTask { PersonId = person.Id, Key = "open", Code = "return-interview", ClosesWhen = closes.ToJson() },
                new WorkTask { PersonId = person.Id, Key = "done", Code = "return-interview", Status = Work.TaskStatus.Done, ClosesWhen = closes.ToJson() },
            ]);
        Assert.True(facts.HasLiveFlag("cse-risk"));
        Assert.Equal(closes, facts.OpenTasks.Single().ClosesWhen);
        Assert.Equal("open", facts.OpenTasks.Single().Key);
    }
}
