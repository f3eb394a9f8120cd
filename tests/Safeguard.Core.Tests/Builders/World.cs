using Safeguard.Core.Calendar;
using Safeguard.Core.Rules;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Tests.Builders;

/// <summary>A small in-memory record: people and their events. <see cref="Record"/> adds an event and runs the
/// engine exactly as the ingestion service would, with every person's history built from what is held.</summary>
public sealed class World
{
    private readonly Dictionary<Guid, PersonFacts> _people = [];
    private readonly List<ChronologyEvent> _events = [];

    public RuleSettings Settings { get; set; } = RuleSettings.Defaults;
    public SafeguardCalendar Calendar { get; set; } = SafeguardCalendar.Default;
    public RuleEngine Engine { get; set; } = RuleEngine.Default;

    public World With(params PersonFacts[] people)
    {
        foreach (var p in people) _people[p.PersonId] = p;
        return this;
    }

    /// <summary>Past events, stored without running the rules.</summary>
    public World Given(params ChronologyEvent[] events)
    {
        _events.AddRange(events);
        return this;
    }

    public World WithSetting(string key, int value)
    {
        Settings = Settings.With(key, value);
        return this;
    }

    /// <summary>Stores the event and returns what the rules produce for it.</summary>
    public IReadOnlyList<RuleOutput> Record(ChronologyEvent e)
    {
        _events.Add(e);
        return Engine.Evaluate(e, Histories(), Settings, Calendar, e.RecordedAt);
    }

    public IReadOnlyDictionary<Guid, PersonHistory> Histories()
    {
        var ids = _people.Keys.Concat(_events.SelectMany(e => e.People).Select(p => p.PersonId)).Distinct();
        return ids.ToDictionary(id => id, id => new PersonHistory(
            _people.GetValueOrDefault(id) ?? PersonFacts.Unknown(id),
            _events.Where(e => e.Involves(id)).ToList()));
    }
}
