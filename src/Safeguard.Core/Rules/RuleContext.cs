using Safeguard.Core.Calendar;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Rules;

/// <summary>Everything a rule may read when an event arrives, for one person in it (the subject): their facts,
/// their whole chronology (E1: never just the latest episode), the histories of the other people in the event,
/// the settings snapshot, the calendar and the time of the run.</summary>
public sealed class RuleContext
{
    private readonly IReadOnlyDictionary<Guid, PersonHistory> _people;

    /// <summary>A context for <paramref name="subject"/>. The chronology is sorted and made to contain the
    /// trigger; events not involving the subject are dropped.</summary>
    /// <param name="subject">The person the rules run for.</param>
    /// <param name="trigger">The event that has just arrived.</param>
    /// <param name="people">Histories of other people the rules may consult (at least everyone in the trigger).</param>
    /// <param name="settings">The settings snapshot.</param>
    /// <param name="calendar">The calendar for due times.</param>
    /// <param name="now">The time of the run; rules compute due times from event times, not from this.</param>
    public RuleContext(PersonHistory subject, ChronologyEvent trigger, IReadOnlyDictionary<Guid, PersonHistory> people,
        RuleSettings settings, SafeguardCalendar calendar, DateTimeOffset now)
        : this(subject, trigger, people, settings, calendar, now, sorted: false)
    {
    }

    private RuleContext(PersonHistory subject, ChronologyEvent trigger, IReadOnlyDictionary<Guid, PersonHistory> people,
        RuleSettings settings, SafeguardCalendar calendar, DateTimeOffset now, bool sorted)
    {
        Subject = subject.Facts;
        Trigger = trigger;
        Settings = settings;
        Calendar = calendar;
        Now = now;
        _people = people;
        if (sorted)
        {
            Chronology = subject.Chronology;
            return;
        }
        var events = subject.Chronology.Where(e => e.Id != trigger.Id).Append(trigger)
            .Where(e => e.Involves(Subject.PersonId))
            .DistinctBy(e => e.Id)
            .ToList();
        events.Sort(ChronologyEvent.Order);
        Chronology = events;
    }

    /// <summary>A context over a chronology the engine has already sorted, de-duplicated and limited to the subject,
    /// and which holds the trigger: a whole-history derivation builds one per event without sorting again.</summary>
    internal static RuleContext ForSortedChronology(PersonHistory subject, ChronologyEvent trigger, IReadOnlyDictionary<Guid, PersonHistory> people,
        RuleSettings settings, SafeguardCalendar calendar, DateTimeOffset now) =>
        new(subject, trigger, people, settings, calendar, now, sorted: true);

    /// <summary>The person the rules run for.</summary>
    public PersonFacts Subject { get; }

    /// <summary>Shorthand for <c>Subject.PersonId</c>.</summary>
    public Guid PersonId => Subject.PersonId;

    /// <summary>Every event involving the subject, oldest first, including <see cref="Trigger"/>.</summary>
    public IReadOnlyList<ChronologyEvent> Chronology { get; }

    /// <summary>The event that has just arrived.</summary>
    public ChronologyEvent Trigger { get; }

    /// <summary>Thresholds and time limits.</summary>
    public RuleSettings Settings { get; }

    /// <summary>Due-time arithmetic.</summary>
    public SafeguardCalendar Calendar { get; }

    /// <summary>The time of the run, passed in (never read from the system clock).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>True when the subject has this role in the trigger.</summary>
    public bool SubjectIs(string role) => Trigger.HasRole(PersonId, role);

    /// <summary>Another person's history when the caller supplied it, else null.</summary>
    public PersonHistory? HistoryOf(Guid personId) => _people.GetValueOrDefault(personId);

    /// <summary>True when the person is a child in the event: role <c>child</c>, or role <c>victim</c> and known to be
    /// under 18 then (from the subject's facts or a supplied history).</summary>
    public bool IsChildIn(ChronologyEvent e, Guid personId)
    {
        if (e.HasRole(personId, "child")) return true;
        if (!e.HasRole(personId, "victim")) return false;
        var facts = personId == PersonId ? Subject : HistoryOf(personId)?.Facts;
        return facts?.AgeAt(e.OccurredAt) < 18;
    }

    /// <summary>The subject's events of a type, oldest first.</summary>
    public IEnumerable<ChronologyEvent> EventsOfType(string type) => Chronology.Where(e => e.Type == type);
}
