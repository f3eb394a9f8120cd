using System.Globalization;
using System.Text.Json;
using Safeguard.Core.Records;

namespace Safeguard.Core.Rules;

/// <summary>An event as the rules see it: pure data, no database. Built from a stored <see cref="Event"/>
/// with <see cref="From(Event)"/>, or directly in tests.</summary>
/// <param name="Id">The event id (the client's idempotency key), cited by every output.</param>
/// <param name="Type">The event type (API.md).</param>
/// <param name="OccurredAt">When it happened: rules reason over this time.</param>
/// <param name="RecordedAt">When it was recorded: breaks ties in ordering.</param>
/// <param name="People">Everyone in the event, with their role.</param>
/// <param name="Data">The type-specific data object.</param>
public sealed record ChronologyEvent(
    string Id, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, IReadOnlyList<Participant> People, JsonElement Data)
{
    /// <summary>The rules' view of a stored event. Data that is not a JSON object is read as empty.</summary>
    public static ChronologyEvent From(Event stored)
    {
        JsonElement data;
        try { data = JsonDocument.Parse(string.IsNullOrWhiteSpace(stored.Data) ? "{}" : stored.Data).RootElement.Clone(); }
        catch (JsonException) { data = JsonDocument.Parse("{}").RootElement.Clone(); }
        return new(stored.Id, stored.Type, stored.OccurredAt, stored.RecordedAt,
            stored.People.Select(p => new Participant(p.PersonId, p.Role)).ToList(), data);
    }

    /// <summary>The order of a chronology: event time, then recording time, then id, so ties are stable.</summary>
    public static IComparer<ChronologyEvent> Order { get; } = Comparer<ChronologyEvent>.Create((a, b) =>
    {
        int c = a.OccurredAt.CompareTo(b.OccurredAt);
        if (c == 0) c = a.RecordedAt.CompareTo(b.RecordedAt);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });

    /// <summary>True when the person is in the event, in any role.</summary>
    public bool Involves(Guid personId) => People.Any(p => p.PersonId == personId);

    /// <summary>True when the person is in the event in the given role.</summary>
    public bool HasRole(Guid personId, string role) => People.Any(p => p.PersonId == personId && p.Role == role);

    /// <summary>The people in the event in a role, in id order, each once.</summary>
    public IReadOnlyList<Guid> PeopleInRole(string role) =>
        People.Where(p => p.Role == role).Select(p => p.PersonId).Distinct().Order().ToList();

    /// <summary>A string field of <see cref="Data"/>, or null.</summary>
    public string? Text(string field) =>
        Field(field) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A boolean field of <see cref="Data"/>, or null.</summary>
    public bool? Flag(string field) => Field(field) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>An instant field of <see cref="Data"/> (ISO 8601 with offset), or null when absent or unreadable.</summary>
    public DateTimeOffset? Instant(string field) =>
        Text(field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value : null;

    /// <summary>The strings of an array field of <see cref="Data"/>; empty when absent or not an array
    /// (free text, for example, yields nothing).</summary>
    public IReadOnlyList<string> TextList(string field) =>
        Field(field) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private JsonElement? Field(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value) ? value : null;
}
