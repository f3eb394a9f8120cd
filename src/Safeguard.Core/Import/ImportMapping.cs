using System.Text.Json;

namespace Safeguard.Core.Import;

/// <summary>The mapping file is unusable: the import cannot start (the CLI exits non-zero).</summary>
public sealed class MappingException(string message) : Exception(message);

/// <summary>How one file of an older system's export maps onto Safeguard (O1): which system it is, and how a
/// row becomes a person, an event, or both. Read from JSON; see docs/import.md for the format.</summary>
public sealed record ImportMapping(string System, string? Format, PeopleMapping? People, EventsMapping? Events, string Raw)
{
    public static ImportMapping Parse(string json)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }).RootElement; }
        catch (JsonException x) { throw new MappingException($"The mapping is not valid JSON (line {x.LineNumber + 1}): {x.Message}"); }
        if (root.ValueKind != JsonValueKind.Object) throw new MappingException("The mapping must be a JSON object.");

        var system = Text(root, "system");
        var format = Text(root, "format");
        if (format is not (null or "csv" or "json")) throw new MappingException("format must be csv or json.");
        var people = root.TryGetProperty("people", out var p) ? PeopleMapping.Parse(p) : null;
        var events = root.TryGetProperty("events", out var e) ? EventsMapping.Parse(e) : null;
        if (people is null && events is null) throw new MappingException("The mapping needs a people section, an events section, or both.");
        return new ImportMapping(system ?? "", format, people, events, json);
    }

    /// <summary>Columns the mapping reads, to check against a CSV header before any row is touched.</summary>
    public IEnumerable<string> Columns =>
        (People?.Fields ?? []).Concat(Events?.Fields ?? []).Select(f => f.Column).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    internal static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : throw new MappingException($"'{name}' must be text.")
            : null;

    internal static FieldSpec? Field(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? FieldSpec.Parse(v, $"{path}.{name}") : null;

    internal static FieldSpec RequiredField(JsonElement e, string name, string path) =>
        Field(e, name, path) ?? throw new MappingException($"{path}.{name} is required.");
}

/// <summary>Which columns make a person. The id column is the person's id in the older system.</summary>
public sealed record PeopleMapping(FieldSpec Id, FieldSpec Forename, FieldSpec Surname, FieldSpec? DateOfBirth, FieldSpec? Gender,
    FieldSpec? Aliases, FieldSpec? AddressLine1, FieldSpec? Town, FieldSpec? Postcode)
{
    public IEnumerable<FieldSpec> Fields => new[] { Id, Forename, Surname, DateOfBirth, Gender, Aliases, AddressLine1, Town, Postcode }.OfType<FieldSpec>();

    internal static PeopleMapping Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new MappingException("people must be an object.");
        var dob = ImportMapping.Field(e, "dateOfBirth", "people");
        if (dob is { Column: not null, Format: null }) throw new MappingException("people.dateOfBirth needs a format, e.g. \"dd/MM/yyyy\".");
        return new PeopleMapping(ImportMapping.RequiredField(e, "id", "people"), ImportMapping.RequiredField(e, "forename", "people"),
            ImportMapping.RequiredField(e, "surname", "people"), dob, ImportMapping.Field(e, "gender", "people"),
            ImportMapping.Field(e, "aliases", "people"), ImportMapping.Field(e, "addressLine1", "people"), ImportMapping.Field(e, "town", "people"),
            ImportMapping.Field(e, "postcode", "people"));
    }
}

/// <summary>A person column of an event row and the role that person plays.</summary>
public sealed record EventPersonMapping(FieldSpec Id, string Role);

/// <summary>Which columns make an event. Times without an offset are read in <see cref="TimeZone"/>.</summary>
public sealed record EventsMapping(FieldSpec Id, FieldSpec Type, FieldSpec OccurredAt, TimeZoneInfo TimeZone, FieldSpec? RecordedBy, FieldSpec? Unit,
    FieldSpec? LocationName, FieldSpec? LocationPostcode, IReadOnlyList<EventPersonMapping> People, IReadOnlyDictionary<string, FieldSpec> Data)
{
    public IEnumerable<FieldSpec> Fields => new[] { Id, Type, OccurredAt, RecordedBy, Unit, LocationName, LocationPostcode }.OfType<FieldSpec>()
        .Concat(People.Select(p => p.Id)).Concat(Data.Values);

    internal static EventsMapping Parse(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new MappingException("events must be an object.");
        var occurred = ImportMapping.RequiredField(e, "occurredAt", "events");
        if (occurred is { Column: not null, Format: null }) throw new MappingException("events.occurredAt needs a format, e.g. \"dd/MM/yyyy HH:mm\".");
        var zoneName = ImportMapping.Text(e, "timeZone") ?? "Europe/London";
        TimeZoneInfo zone;
        try { zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName); }
        catch (TimeZoneNotFoundException) { throw new MappingException($"events.timeZone '{zoneName}' is not a time zone this machine knows."); }

        var people = new List<EventPersonMapping>();
        if (!e.TryGetProperty("people", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            throw new MappingException("events.people must list at least one person column with a role.");
        int i = 0;
        foreach (var p in list.EnumerateArray())
        {
            var role = ImportMapping.Text(p, "role") ?? throw new MappingException($"events.people[{i}].role is required.");
            if (!Records.Vocabulary.Roles.Contains(role)) throw new MappingException($"events.people[{i}].role '{role}' is not a role Safeguard knows.");
            people.Add(new EventPersonMapping(FieldSpec.Parse(p, $"events.people[{i}]"), role));
            i++;
        }

        var data = new Dictionary<string, FieldSpec>();
        if (e.TryGetProperty("data", out var d))
        {
            if (d.ValueKind != JsonValueKind.Object) throw new MappingException("events.data must be an object of field: column or {value}.");
            foreach (var f in d.EnumerateObject()) data[f.Name] = FieldSpec.Parse(f.Value, $"events.data.{f.Name}");
        }
        var location = e.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
        return new EventsMapping(ImportMapping.RequiredField(e, "id", "events"), ImportMapping.RequiredField(e, "type", "events"), occurred, zone,
            ImportMapping.Field(e, "recordedBy", "events"), ImportMapping.Field(e, "unit", "events"),
            location.ValueKind == JsonValueKind.Object ? ImportMapping.Field(location, "name", "events.location") : null,
            location.ValueKind == JsonValueKind.Object ? ImportMapping.Field(location, "postcode", "events.location") : null,
            people, data);
    }
}
