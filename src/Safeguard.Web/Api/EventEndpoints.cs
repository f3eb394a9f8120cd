using System.Text.Json;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Events: record one or a batch (idempotent by id), read one with its versions, correct one.</summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");

        events.MapPost("/", async (HttpContext http, EventService service) =>
        {
            var body = await RequestBody.ReadJsonAsync(http);
            var submissions = EventSubmissionReader.ReadOneOrBatch(body);
            var results = await service.RecordAsync(http.User.ToActor(), submissions, http.RequestAborted);
            bool batch = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("events", out _) && !body.TryGetProperty("type", out _);
            bool anyCreated = results.Any(r => r.Created);
            if (!batch)
            {
                var r = results[0];
                var answer = new { eventId = r.EventId, outputs = r.Outputs };
                return r.Created ? Results.Created($"/api/v1/events/{Uri.EscapeDataString(r.EventId)}", answer) : Results.Ok(answer);
            }
            var all = new { events = results.Select(r => new { eventId = r.EventId, created = r.Created, outputs = r.Outputs }) };
            return anyCreated ? Results.Json(all, statusCode: 201) : Results.Ok(all);
        }).WithSummary("Record one event, or {\"events\": [...]} applied in order, all or nothing. Same id and body again: 200; same id, other body: 409; recording standard not met: 422.");

        events.MapGet("/{id}", async (string id, HttpContext http, EventService service) =>
        {
            var (e, versions) = await service.ReadAsync(http.User.ToActor(), id, http.RequestAborted);
            return Results.Ok(new
            {
                id = e.Id, type = e.Type, occurredAt = e.OccurredAt, recordedAt = e.RecordedAt, recordedBy = e.RecordedBy, unit = e.Unit,
                location = e.LocationName is null && e.LocationPostcode is null ? null : new { name = e.LocationName, postcode = e.LocationPostcode },
                people = e.People.Select(p => new { personId = p.PersonId, role = p.Role }),
                data = JsonDocument.Parse(e.Data).RootElement,
                version = e.Version,
                previousVersions = versions.Where(v => !v.Current).Select(v => new
                {
                    version = v.Version, occurredAt = v.OccurredAt, people = v.People, data = v.Data,
                    // Who replaced this version, when and why: the next version's maker.
                    changedAt = versions[v.Version].At, changedBy = versions[v.Version].By, reason = versions[v.Version].Reason,
                }),
            });
        }).WithSummary("One event with its people, data and every earlier version.");

        events.MapGet("/{id}/versions", async (string id, HttpContext http, EventService service) =>
        {
            var (_, versions) = await service.ReadAsync(http.User.ToActor(), id, http.RequestAborted);
            return Results.Ok(versions.Select(v => new
            {
                version = v.Version, current = v.Current, at = v.At, by = v.By, reason = v.Reason,
                occurredAt = v.OccurredAt, people = v.People, data = v.Data,
            }));
        }).WithSummary("Every version of an event, oldest first: who made it, when and why (null for the first, recorded version), and its time, people and data.");

        events.MapPost("/{id}/corrections", async (string id, HttpContext http, EventService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var corrected = await service.CorrectAsync(http.User.ToActor(), id, body, http.RequestAborted);
            return Results.Ok(new { eventId = corrected.EventId, version = corrected.Version, outputs = corrected.Outputs });
        }).WithSummary("Correct an event: {reason, expectedVersion, occurredAt?, people?, data?}. Every check a new event passes is run again; " +
            "the old version stays readable with who, when and why (A3). A stale expectedVersion: 409 stale-version.");

        return api;
    }
}
