using System.Globalization;
using System.Text.Json.Nodes;

namespace Safeguard.Core.Demo;

/// <summary>An event planned for the demo, held as the JSON body an API client would send, so that
/// it goes through the same reader, recording standards and rules as real data.</summary>
internal sealed record PlannedEvent(int Sequence, string Id, DateTimeOffset OccurredAt, JsonObject Body);

/// <summary>A flag to raise by hand once the events that justify it are stored.</summary>
internal sealed record PlannedFlag(Guid PersonId, string Code, string Reason, IReadOnlyList<string> EventIds, DateTimeOffset At);

/// <summary>Collects the demo's events and flags in the order they are planned. Ids are numbered in that
/// order, which depends only on the seed, so the same seed gives the same ids.</summary>
internal sealed class DemoChronicle(DateTimeOffset now)
{
    private readonly List<PlannedEvent> events = [];
    private readonly List<PlannedFlag> flags = [];

    /// <summary>Events are kept a little before <c>now</c> so nothing is recorded in the future.</summary>
    public DateTimeOffset Latest { get; } = Minute(now.ToUniversalTime()).AddMinutes(-5);

    public IReadOnlyList<PlannedEvent> Events => events;
    public IReadOnlyList<PlannedFlag> Flags => flags;

    /// <summary>Plans an event and answers its id; an event planned after <see cref="Latest"/> has not happened
    /// yet and is left out (null), which is how recent cases come to have follow-ups still due. A follow-up is
    /// never earlier than the event it cites, so it is left out whenever that event is.</summary>
    public string? Add(string type, DateTimeOffset occurredAt, string unit, string recordedBy,
        IEnumerable<(Guid PersonId, string Role)> people, JsonObject data, string? locationName = null, string? postcode = null)
    {
        if (occurredAt > Latest) return null;
        var at = Minute(occurredAt.ToUniversalTime());
        var id = $"demo-{events.Count + 1:D6}";
        var body = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["occurredAt"] = Instant(at),
            ["recordedBy"] = recordedBy,
            ["unit"] = unit,
            ["people"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject { ["personId"] = p.PersonId.ToString(), ["role"] = p.Role }).ToArray()),
            ["data"] = data,
        };
        if (locationName is not null) body["location"] = new JsonObject { ["name"] = locationName, ["postcode"] = postcode };
        events.Add(new PlannedEvent(events.Count, id, at, body));
        return id;
    }

    public void Flag(Guid personId, string code, string reason, IEnumerable<string?> eventIds, DateTimeOffset at) =>
        flags.Add(new PlannedFlag(personId, code, reason, eventIds.OfType<string>().ToList(), Clamp(at)));

    public DateTimeOffset Clamp(DateTimeOffset at) => at > Latest ? Latest : Minute(at.ToUniversalTime());

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, at.Offset);
}
