using Safeguard.Core.Calendar;
using Safeguard.Core.Flags;
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
            outputs.AddRange(rule.Evaluate(context).Select(o => Stamp(o, context.Chronology, context.Trigger)));
        outputs.AddRange(Closures(context, outputs.OfType<TaskOutput>().ToList()));
        return Normalise(outputs);
    }

    /// <summary>Everything the subject's whole history supports (E6): every event of the chronology is taken, oldest
    /// first, as the trigger, against the WHOLE chronology, so the outputs are a function of the set of events and not
    /// of the order they arrived in. The facts a rule reads are rebuilt as the history unfolds: open tasks are the
    /// tasks raised by earlier events and not yet fulfilled by then; live flags are the flags people hold (counted from
    /// their <see cref="FlagFact.Since"/>) plus the suggestions made by earlier events. Tasks whose fulfilling event is
    /// in the chronology come with their <see cref="TaskClosure"/>.</summary>
    /// <param name="subject">The person derived: facts (date of birth, flags people hold; open tasks are ignored) and
    /// every event involving them.</param>
    /// <param name="people">Histories of the people the rules may consult (those in the subject's events).</param>
    /// <param name="settings">The settings snapshot.</param>
    /// <param name="calendar">The calendar.</param>
    /// <param name="now">The time of the run (a wake-up's due time when a timer fires).</param>
    public DerivedOutputs Derive(PersonHistory subject, IReadOnlyDictionary<Guid, PersonHistory> people,
        RuleSettings settings, SafeguardCalendar calendar, DateTimeOffset now)
    {
        var id = subject.Facts.PersonId;
        var chronology = subject.Chronology.Where(e => e.Involves(id)).DistinctBy(e => e.Id).Order(ChronologyEvent.Order).ToList();
        var raised = new List<(TaskOutput Task, ChronologyEvent? ClosedBy)>();
        var raisedKeys = new HashSet<string>(StringComparer.Ordinal);
        var suggested = new List<FlagFact>();
        var outputs = new List<RuleOutput>();
        // Indexes built once per derivation, not per trigger: the events' times by id (to stamp outputs), the rules
        // by the event type they react to, and other people's chronologies in order (to find what fulfils a task).
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in chronology) times[e.Id] = e.OccurredAt;
        var rulesByType = new Dictionary<string, List<IRule>>(StringComparer.Ordinal);
        var sortedTheirs = new Dictionary<Guid, List<ChronologyEvent>>();
        foreach (var trigger in chronology)
        {
            var facts = subject.Facts with
            {
                Flags = subject.Facts.Flags.Where(f => f.Since is not { } since || since <= trigger.OccurredAt).Concat(suggested).ToList(),
                OpenTasks = raised.Where(r => r.Task.PersonId == id && (r.ClosedBy is null || ChronologyEvent.Order.Compare(r.ClosedBy, trigger) > 0))
                    .Select(r => new OpenTask(r.Task.Key, r.Task.Code, r.Task.ClosesWhen)).ToList(),
            };
            var context = RuleContext.ForSortedChronology(new PersonHistory(facts, chronology), trigger, people, settings, calendar, now);
            if (!rulesByType.TryGetValue(trigger.Type, out var reacting))
                rulesByType[trigger.Type] = reacting = Rules.Where(r => r.ReactsTo.Contains(trigger.Type)).ToList();
            foreach (var rule in reacting)
            {
                foreach (var output in rule.Evaluate(context).Select(o => Stamp(o, times, trigger)))
                {
                    outputs.Add(output);
                    if (output is TaskOutput task && raisedKeys.Add(task.Key))
                    {
                        var theirs = task.PersonId == id ? chronology : SortedChronologyOf(task.PersonId, people, sortedTheirs);
                        raised.Add((task, theirs.FirstOrDefault(e => e.Id != trigger.Id && task.ClosesWhen.IsFulfilledBy(e, task.PersonId))));
                    }
                    if (output is FlagSuggestion s && s.PersonId == id) suggested.Add(new FlagFact(s.Code, FlagStatus.Suggested));
                }
            }
        }
        foreach (var (task, closedBy) in raised.Where(r => r.ClosedBy is not null))
            outputs.Add(Closure(task.PersonId, task.Key, task.Code, task.ClosesWhen, closedBy!) with { EffectiveAt = closedBy!.OccurredAt });
        return new DerivedOutputs(id, Normalise(outputs));
    }

    private static List<ChronologyEvent> SortedChronologyOf(Guid personId, IReadOnlyDictionary<Guid, PersonHistory> people,
        Dictionary<Guid, List<ChronologyEvent>> sorted)
    {
        if (!sorted.TryGetValue(personId, out var events))
            sorted[personId] = events = (people.GetValueOrDefault(personId)?.Chronology ?? []).Order(ChronologyEvent.Order).ToList();
        return events;
    }

    // As below, with the subject's event times already indexed by id.
    private static RuleOutput Stamp(RuleOutput output, Dictionary<string, DateTimeOffset> times, ChronologyEvent trigger)
    {
        if (output.EffectiveAt != default) return output;
        DateTimeOffset? latest = null;
        foreach (var eventId in output.EventIds)
            if (times.TryGetValue(eventId, out var at) && (latest is null || at > latest)) latest = at;
        return output with { EffectiveAt = latest ?? trigger.OccurredAt };
    }

    // The facts an output rests on happened when the latest of its events did; a rule may set it itself.
    private static RuleOutput Stamp(RuleOutput output, IReadOnlyList<ChronologyEvent> chronology, ChronologyEvent trigger)
    {
        if (output.EffectiveAt != default) return output;
        var times = chronology.Where(e => output.EventIds.Contains(e.Id)).Select(e => e.OccurredAt).ToList();
        return output with { EffectiveAt = times.Count > 0 ? times.Max() : trigger.OccurredAt };
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
        "wake-up" => 3,
        _ => 4,
    };
}
