using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
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

        events.MapGet("/{id}", async (string id, HttpContext http, EventService service, SafeguardDb db, AuditLog audit) =>
        {
            var actor = http.User.ToActor();
            var e = await service.GetVisibleAsync(actor, id, http.RequestAborted);
            var versions = await db.EventVersions.Where(v => v.EventId == id).OrderBy(v => v.Version).ToListAsync(http.RequestAborted);
            foreach (var p in e.People.Select(p => p.PersonId).Distinct()) audit.Record(actor, AuditActions.View, "event", e.Id, p);
            await db.SaveChangesAsync(http.RequestAborted);
            return Results.Ok(new
            {
                id = e.Id, type = e.Type, occurredAt = e.OccurredAt, recordedAt = e.RecordedAt, recordedBy = e.RecordedBy, unit = e.Unit,
                location = e.LocationName is null && e.LocationPostcode is null ? null : new { name = e.LocationName, postcode = e.LocationPostcode },
                people = e.People.Select(p => new { personId = p.PersonId, role = p.Role }),
                data = JsonDocument.Parse(e.Data).RootElement,
                version = e.Version,
                previousVersions = versions.Select(v => new { version = v.Version, data = JsonDocument.Parse(v.Data).RootElement, changedAt = v.ChangedAt, changedBy = v.ChangedBy, reason = v.Reason }),
            });
        }).WithSummary("One event with its people, data and every earlier version.");

        events.MapPost("/{id}/corrections", async (string id, HttpContext http, EventService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            if (!body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                throw new Core.Problems.ProblemException(Core.Problems.Problems.Invalid("data", "is required: the corrected data"));
            var e = await service.CorrectAsync(http.User.ToActor(), id, data, body.Str("reason") ?? "", http.RequestAborted);
            return Results.Ok(new { eventId = e.Id, version = e.Version });
        }).WithSummary("Correct an event's data: a new version; the old one stays readable with who, when and why (A3).");

        return api;
    }
}
