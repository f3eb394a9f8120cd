using System.Globalization;
using System.Text.Json.Nodes;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>A row's person, ready for <see cref="PeopleService"/>.</summary>
public sealed record MappedPerson(string SourceId, PersonInput Input, DateOnly? DateOfBirth);

/// <summary>A person an event row names, by their id in the older system.</summary>
public sealed record MappedParticipant(string SourceId, string Role, string Column);

/// <summary>A row's event in the API's shape (API.md "POST /api/v1/events") but for its people, who are
/// named by older-system ids until the importer finds their Safeguard records.</summary>
public sealed record MappedEvent(string Id, JsonObject Body, IReadOnlyList<MappedParticipant> People);

/// <summary>Turns rows into people and events by a mapping. Pure: no database, so every conversion rule
/// is tested on its own.</summary>
public static class RowMapper
{
    /// <summary>The event id that makes re-imports idempotent: the same source row always gets the same id.</summary>
    public static string EventId(string system, string sourceId) => $"{system}:{sourceId}";

    public static MappedPerson MapPerson(PeopleMapping m, string system, SourceRow row)
    {
        var id = m.Id.Required(row);
        var dob = m.DateOfBirth?.Date(row);
        var aliases = m.Aliases?.Text(row)?.Split(m.Aliases.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new PersonInput(m.Forename.Required(row), m.Surname.Required(row), dob?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.Gender?.Text(row), aliases, m.AddressLine1?.Text(row), m.Town?.Text(row), m.Postcode?.Text(row)?.ToUpperInvariant(), system, id);
        return new MappedPerson(id, input, dob);
    }

    public static MappedEvent MapEvent(EventsMapping m, string system, SourceRow row)
    {
        var id = EventId(system, m.Id.Required(row));
        var body = new JsonObject
        {
            ["id"] = id,
            ["type"] = m.Type.Required(row),
            ["occurredAt"] = m.OccurredAt.Instant(row, m.TimeZone)?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
                ?? throw new RowException($"{m.OccurredAt.Column ?? "occurredAt"} is empty"),
        };
        if (m.RecordedBy?.Text(row) is { } by) body["recordedBy"] = by;
        if (m.Unit?.Text(row) is { } unit) body["unit"] = unit;
        var locationName = m.LocationName?.Text(row);
        var locationPostcode = m.LocationPostcode?.Text(row);
        if (locationName is not null || locationPostcode is not null)
            body["location"] = new JsonObject { ["name"] = locationName, ["postcode"] = locationPostcode?.ToUpperInvariant() };

        var data = new JsonObject();
        foreach (var (field, spec) in m.Data)
            if (spec.Json(row, m.TimeZone) is { } value) data[field] = value;
        body["data"] = data;

        var people = m.People.Select(p => (p, sourceId: p.Id.Text(row))).Where(x => x.sourceId is not null)
            .Select(x => new MappedParticipant(x.sourceId!, x.p.Role, x.p.Id.Column ?? x.p.Id.Path)).ToList();
        if (people.Count == 0) throw new RowException("the row names no person");
        return new MappedEvent(id, body, people);
    }
}
