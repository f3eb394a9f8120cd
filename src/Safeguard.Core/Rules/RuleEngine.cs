using Safeguard.Core.Calendar;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Rules;

/// <summary>Runs the rules on an arriving event for every person in it (E1) and returns their outputs,
/// de-duplicated by key and in a fixed order, so the same inputs always give the same outputs (E4).
/// After the rules it closes tasks: an open task whose <see cref="TaskFulfilment"/> the event meets, and a task
/// just raised whose fulfilling event is already in the chronology (recorded late), get a <see cref="TaskClosure"/>.</summary>
public sealed class RuleEngine(IEnumerable<IRule> rules)
{
    /// <summary>The name cited on closures the engine makes.</summary>
    public const string ClosureRuleName = "task-fulfilled";

    /// <summary>The engine with every rule in <see cref="RuleCatalogue.All"/>.</summary>
    public static RuleEngine Default { get; } = new(RuleCatalogue.All);

    /// <summary>The rules, in name order.</summary>
    public IReadOnlyList<IRule> Rules { get; } = rules.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>Runs the rules for every person in <paramref name="trigger"/>.</summary>
    /// <param name="trigger">The event that has just arrived (already stored or about to be).</param>
    /// <param name="people">The history of each person in the event (a missing entry counts as a person with
    /// no history); add others, e.g. people linked to them, if a rule needs them.</param>
    /// <param name="settings">The settings snapshot.</param>
    /// <param name="calendar">The calendar.</param>
    /// <param name="now">The time of the run.</param>
    public IReadOnlyList<RuleOutput> Evaluate(ChronologyEvent trigger, IReadOnlyDictionary<Guid, PersonHistory> people,
        RuleSettings settings, SafeguardCalendar calendar, DateTimeOffset now)
    {
        var outputs = new List<RuleOutput>();
        foreach (var personId in trigger.People.Select(p => p.PersonId).Distinct().Order())
        {
            var subject = people.GetValueOrDefault(personId) ?? PersonHistory.Unknown(personId);
            outputs.AddRange(Evaluate(new RuleContext(subject, trigger, people, settings, calendar, now)));
        }
        return Normalise(outputs);
    }

    /// <summary>Runs the rules for one person.</summary>
    public IReadOnlyList<RuleOutput> Evaluate(RuleContext context)
    {
        var outputs = new List<RuleOutput>();
        foreach (var rule in Rules.Where(r => r.ReactsTo.Contains(context.Trigger.Type)))
            outputs.AddRange(rule.Evaluate(context));
        outputs.AddRange(Closures(context, outputs.OfType<TaskOutput>().ToList()));
        return Normalise(outputs);
    }

    private static IEnumerable<TaskClosure> Closures(RuleContext context, IReadOnlyList<TaskOutput> raised)
    {
        var trigger = context.Trigger;
        foreach (var task in context.Subject.OpenTasks.Where(t => t.ClosesWhen.IsFulfilledBy(trigger, context.PersonId)))
            yield return Closure(context.PersonId, task.Key, task.Code, task.ClosesWhen, trigger);

        foreach (var task in raised)
        {
            var done = context.Chronology.FirstOrDefault(e => e.Id != trigger.Id && task.ClosesWhen.IsFulfilledBy(e, context.PersonId));
            if (done is not null) yield return Closure(context.PersonId, task.Key, task.Code, task.ClosesWhen, done);
        }
    }

    private static TaskClosure Closure(Guid personId, string taskKey, string code, TaskFulfilment fulfilment, ChronologyEvent by) =>
        new(ClosureRuleName, personId, code, taskKey,
            $"The {code} task was fulfilled by {fulfilment.Describe()}: event {by.Id}.", [by.Id], by.Id, by.OccurredAt);

    // Rules may legitimately reach the same output twice (e.g. two suspects); the key says they are one.
    private static IReadOnlyList<RuleOutput> Normalise(IEnumerable<RuleOutput> outputs) => outputs
        .DistinctBy(o => (o.Kind, o.Key))
        .OrderBy(o => o.PersonId)
        .ThenBy(o => KindOrder(o.Kind))
        .ThenBy(o => o.Key, StringComparer.Ordinal)
        .ToList();

    // Tasks before closures, so a caller applying outputs in order can close a task raised in the same run.
    private static int KindOrder(string kind) => kind switch
    {
        "flag" => 0,
        "task" => 1,
        "alert" => 2,
        _ => 3,
    };
}
