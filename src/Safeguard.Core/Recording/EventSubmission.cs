using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.Recording;

/// <summary>An event as submitted, its shape already checked. <see cref="BodyHash"/> identifies the body
/// so that a repeat with the same id can be told apart from a changed one (idempotency, P4).</summary>
public sealed record EventSubmission(string Id, string Type, DateTimeOffset OccurredAt, string? RecordedBy, string? Unit,
    IReadOnlyList<SubmittedParticipant> People, string? LocationName, string? LocationPostcode, JsonElement Data, string BodyHash);

public sealed record SubmittedParticipant(Guid PersonId, string Role);

/// <summary>Reads and shape-checks submitted events (API.md "POST /api/v1/events"). Everything wrong is
/// reported at once as a 400 problem with an <c>errors</c> map; nothing is written.</summary>
public static class EventSubmissionReader
{
    public const int MaxBatch = 500;

    /// <summary>One event or <c>{"events": [...]}</c>.</summary>
    public static IReadOnlyList<EventSubmission> ReadOneOrBatch(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("events", out var list) && !body.TryGetProperty("type", out _))
        {
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                throw new ProblemException(Problems.Problems.Invalid("events", "must be a non-empty list of events"));
            if (list.GetArrayLength() > MaxBatch)
                throw new ProblemException(Problems.Problems.Invalid("events", $"must have at most {MaxBatch} events"));
            var result = new List<EventSubmission>();
            int i = 0;
            foreach (var e in list.EnumerateArray()) result.Add(Read(e, $"events[{i++}]."));
            var duplicate = result.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw new ProblemException(Problems.Problems.Invalid("events", $"the id '{duplicate.Key}' appears more than once in the batch"));
            return result;
        }
        return [Read(body, "")];
    }

    public static EventSubmission Read(JsonElement e, string prefix = "")
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[prefix + field] = [message];

        if (e.ValueKind != JsonValueKind.Object)
            throw new ProblemException(Problems.Problems.Invalid(prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body", "must be a JSON object"));

        var id = String(e, "id");
        if (string.IsNullOrWhiteSpace(id)) Error("id", "is required: a unique id chosen by the client (the idempotency key)");
        else if (id.Length > 100 || id.Any(char.IsControl)) Error("id", "must be at most 100 characters without control characters");

        var type = String(e, "type");
        if (string.IsNullOrWhiteSpace(type)) Error("type", "is required");
        else if (type.Length > 100 || FieldKind.ControlProblem(type, free: false) is not null) Error("type", "is not a known event type");
        else if (!Vocabulary.EventTypes.Contains(type))
        {
            if (prefix.Length == 0) throw new ProblemException(Problems.Problems.UnknownEventType(type));
            Error("type", $"'{type}' is not a known event type");
        }

        DateTimeOffset occurredAt = default;
        if (!FieldKind.TryInstant(String(e, "occurredAt"), out occurredAt))
            Error("occurredAt", "is required: an instant with an offset, e.g. 2026-03-01T21:14:00Z");

        var people = new List<SubmittedParticipant>();
        if (!e.TryGetProperty("people", out var peopleJson) || peopleJson.ValueKind != JsonValueKind.Array || peopleJson.GetArrayLength() == 0)
            Error("people", "is required: at least one person with a personId and a role");
        else
        {
            int i = 0;
            foreach (var p in peopleJson.EnumerateArray())
            {
                var field = $"people[{i++}]";
                if (p.ValueKind != JsonValueKind.Object) { Error(field, "must be an object with personId and role"); continue; }
                if (!Guid.TryParse(String(p, "personId"), out var personId)) Error(field + ".personId", "must be the id of a person");
                var role = String(p, "role");
                if (role is null || !Vocabulary.Roles.Contains(role))
                    Error(field + ".role", $"must be one of: {string.Join(", ", Vocabulary.Roles)}");
                else if (personId != Guid.Empty) people.Add(new(personId, role));
            }
            if (people.Count > 200) Error("people", "must have at most 200 people");
        }

        string? locationName = null, locationPostcode = null;
        if (e.TryGetProperty("location", out var loc) && loc.ValueKind != JsonValueKind.Null)
        {
            if (loc.ValueKind != JsonValueKind.Object) Error("location", "must be an object with name and postcode");
            else
            {
                locationName = String(loc, "name");
                locationPostcode = String(loc, "postcode");
                if (locationName is not null && (locationName.Length > 500 || FieldKind.ControlProblem(locationName, free: false) is not null))
                    Error("location.name", "must be at most 500 characters without control characters");
                if (locationPostcode is not null && (locationPostcode.Length > 40 || FieldKind.ControlProblem(locationPostcode, free: false) is not null))
                    Error("location.postcode", "must be a postcode: at most 40 characters without control characters");
                locationPostcode = PersonSearchKeys.NormalisePostcode(locationPostcode);
            }
        }

        var recordedBy = OptionalText(e, "recordedBy", Error);
        var unit = OptionalText(e, "unit", Error);

        JsonElement data = default;
        if (!e.TryGetProperty("data", out data) || data.ValueKind != JsonValueKind.Object)
            Error("data", "is required: an object with the fields of the event type");
        else if (type is not null && EventSchemas.ByType.TryGetValue(type, out var fields))
            foreach (var f in fields)
            {
                bool present = data.TryGetProperty(f.Name, out var value) && value.ValueKind != JsonValueKind.Null;
                if (!present && f.Required) Error("data." + f.Name, "is required");
                else if (present && f.Kind.Check(value) is { } problem) Error("data." + f.Name, problem);
            }

        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        return new EventSubmission(id!, type!, occurredAt.ToUniversalTime(), recordedBy, unit, people, locationName, locationPostcode,
            data.Clone(), Hash(e));
    }

    private static string? OptionalText(JsonElement e, string name, Action<string, string> error)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.String || v.GetString()!.Length > 100 || FieldKind.ControlProblem(v.GetString()!, free: false) is not null)
        {
            error(name, "must be text of at most 100 characters without control characters");
            return null;
        }
        return v.GetString();
    }

    private static string? String(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A hash of the body that ignores property order and white space.</summary>
    public static string Hash(JsonElement e)
    {
        var sb = new StringBuilder();
        Canonical(e, sb);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static void Canonical(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                sb.Append('{');
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    sb.Append(JsonSerializer.Serialize(p.Name)).Append(':');
                    Canonical(p.Value, sb);
                    sb.Append(',');
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                foreach (var item in e.EnumerateArray()) { Canonical(item, sb); sb.Append(','); }
                sb.Append(']');
                break;
            default:
                sb.Append(e.GetRawText());
                break;
        }
    }
}
