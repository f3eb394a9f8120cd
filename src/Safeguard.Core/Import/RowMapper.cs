using System.Globalization;
using System.Text.Json.Nodes;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>A field of a row imported empty because its value could not be used: which field (the mapping's
/// column) and why, never the value (P6).</summary>
public sealed record FieldNote(string Field, string Reason);

/// <summary>A row's person, ready for <see cref="PeopleService"/>, with the fields left empty and why.</summary>
public sealed record MappedPerson(string SourceId, PersonInput Input, DateOnly? DateOfBirth, IReadOnlyList<FieldNote> Notes);

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

    /// <summary>The row's person. A person is never lost for want of one detail: a missing forename or surname
    /// (the other present), or a date of birth that is not a real date, before 1900 or after
    /// <paramref name="today"/>, is left empty with a note. Only a row with no name at all names nobody and is refused.</summary>
    public static MappedPerson MapPerson(PeopleMapping m, string system, SourceRow row, DateOnly today)
    {
        var id = m.Id.Required(row);
        var notes = new List<FieldNote>();
        var forename = Name(m.Forename, row, "forename", notes);
        var surname = Name(m.Surname, row, "surname", notes);
        if (forename is null && surname is null)
            throw new RowException($"{m.Forename.Column ?? "forename"} and {m.Surname.Column ?? "surname"} are both empty: the row names nobody");
        var dob = DateOfBirth(m.DateOfBirth, row, today, notes);
        var aliases = m.Aliases?.Text(row)?.Split(m.Aliases.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var input = new PersonInput(forename ?? "", surname ?? "", dob?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            m.Gender?.Text(row), aliases, m.AddressLine1?.Text(row), m.Town?.Text(row), m.Postcode?.Text(row)?.ToUpperInvariant(), system, id);
        return new MappedPerson(id, input, dob, notes);
    }

    // A name part without a single letter ("?", "-", "0") says no more than an empty cell.
    private static string? Name(FieldSpec spec, SourceRow row, string what, List<FieldNote> notes)
    {
        var text = spec.Text(row);
        if (text is not null && Safeguard.Matching.Text.NameNormaliser.HasLetter(text)) return text;
        notes.Add(new FieldNote(spec.Column ?? spec.Path, text is null ? $"is empty: imported without a {what}" : $"has no letter: imported without a {what}"));
        return null;
    }

    private static DateOnly? DateOfBirth(FieldSpec? spec, SourceRow row, DateOnly today, List<FieldNote> notes)
    {
        if (spec is null) return null;
        DateOnly? dob;
        try { dob = spec.Date(row); }
        catch (RowException e)
        {
            notes.Add(new FieldNote(spec.Column ?? spec.Path, $"{Detail(e.Message, spec)}: imported without a date of birth"));
            return null;
        }
        if (dob is { } d && (d.Year < 1900 || d > today))
        {
            notes.Add(new FieldNote(spec.Column ?? spec.Path, "is not a date of birth in the past (from 1900): imported without a date of birth"));
            return null;
        }
        return dob;
    }

    // "DOB is not a real date in the format …" → "is not a real date in the format …": the note names its field apart.
    private static string Detail(string reason, FieldSpec spec) =>
        spec.Column is { } c && reason.StartsWith(c + " ", StringComparison.Ordinal) ? reason[(c.Length + 1)..] : reason;

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
