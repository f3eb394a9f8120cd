using System.Text.Json;
using System.Text.Json.Nodes;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Tests.Builders;

/// <summary>Builds a <see cref="ChronologyEvent"/>:
/// <c>An.Event("missing-reported").At("2026-03-01 21:00").Child(child).With("riskGrade", "low")</c>.</summary>
public sealed class EventBuilder
{
    private static int _next;
    private string _id;
    private readonly string _type;
    private DateTimeOffset _at = Time.At("2026-03-01 12:00");
    private DateTimeOffset? _recordedAt;
    private readonly List<Participant> _people = [];
    private readonly JsonObject _data = [];

    internal EventBuilder(string type)
    {
        _type = type;
        _id = $"{type}-{Interlocked.Increment(ref _next)}";
    }

    public EventBuilder Id(string id) { _id = id; return this; }
    public EventBuilder At(string instant) => At(Time.At(instant));
    public EventBuilder At(DateTimeOffset instant) { _at = instant; return this; }
    public EventBuilder RecordedAt(string instant) { _recordedAt = Time.At(instant); return this; }
    public EventBuilder With(PersonFacts person, string role) { _people.Add(new(person.PersonId, role)); return this; }
    public EventBuilder Child(PersonFacts child) => With(child, "child");
    public EventBuilder Suspect(PersonFacts suspect) => With(suspect, "suspect");
    public EventBuilder Victim(PersonFacts victim) => With(victim, "victim");

    public EventBuilder With(string field, string value) { _data[field] = value; return this; }
    public EventBuilder With(string field, bool value) { _data[field] = value; return this; }
    public EventBuilder With(string field, int value) { _data[field] = value; return this; }
    public EventBuilder Offender(PersonFacts offender) => With(offender, "offender");
    public EventBuilder With(string field, DateTimeOffset value) { _data[field] = value.ToString("O"); return this; }
    public EventBuilder WithList(string field, params string[] values)
    {
        _data[field] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return this;
    }

    /// <summary>Any JSON value for a field, e.g. a meeting's <c>decisions</c>: <c>WithJson("decisions", """[{"text":"Visit"}]""")</c>.</summary>
    public EventBuilder WithJson(string field, string json) { _data[field] = JsonNode.Parse(json); return this; }
    /// <summary>Adds the child to the event (role <c>child</c>) and to <c>children[]</c> with their school's code.</summary>
    public EventBuilder ChildAtSchool(PersonFacts child, string school)
    {
        if (_data["children"] is not JsonArray children) _data["children"] = children = [];
        children.Add(new JsonObject { ["personId"] = child.PersonId.ToString(), ["school"] = school });
        return Child(child);
    }

    public string EventId => _id;

    public ChronologyEvent Build() => new(_id, _type, _at, _recordedAt ?? _at, _people.ToList(),
        JsonDocument.Parse(_data.ToJsonString()).RootElement.Clone());

    public static implicit operator ChronologyEvent(EventBuilder builder) => builder.Build();
}

/// <summary>Entry point for events: <c>An.Event("cse-screening")</c>, with shortcuts for common ones.</summary>
public static class An
{
    public static EventBuilder Event(string type) => new(type);

    public static EventBuilder MissingReport(PersonFacts child, string at, string riskGrade = "medium") =>
        new EventBuilder("missing-reported").At(at).Child(child).With("riskGrade", riskGrade).With("reportedBy", "parent");

    public static EventBuilder Located(PersonFacts child, string missingEventId, string at) =>
        new EventBuilder("missing-located").At(at).Child(child).With("missingEventId", missingEventId).With("locatedAt", Time.At(at));

    /// <summary>A registration on the sex offenders register: MAPPA category 1, level 1, the given risk and manager.</summary>
    public static EventBuilder Registration(PersonFacts offender, string at, string riskLevel = "high", string manager = "user:om-jones") =>
        new EventBuilder("offender-registered").At(at).Offender(offender).With("riskLevel", riskLevel).With("mappaCategory", 1).With("mappaLevel", 1)
            .With("offenderManager", manager);

    public static EventBuilder Visit(PersonFacts offender, string at) => new EventBuilder("offender-visit").At(at).Offender(offender);

    public static EventBuilder Screening(PersonFacts child, string at, params string[] indicators) =>
        new EventBuilder("cse-screening").At(at).Child(child).WithList("indicators", indicators);
}
