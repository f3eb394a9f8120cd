using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Records;

/// <summary>The answer to a correction: the event's new version and what the rules produced on it.</summary>
public sealed record EventCorrected(string EventId, int Version, EventOutputs Outputs);

/// <summary>One version of an event as it was: its time, people and data, and who made it, when and why
/// (the reason is null for the first version, which was recorded, not corrected).</summary>
public sealed record EventVersionView(int Version, bool Current, DateTimeOffset At, string By, string? Reason, DateTimeOffset OccurredAt,
    IReadOnlyList<SubmittedParticipant> People, JsonElement Data);

public sealed partial class EventService
{
    /// <summary>Corrects an event as a full revision (A3): its time, people and roles, and data may each change.
    /// The corrected event goes through every check a new event goes through (<see cref="EventChecks"/>); the
    /// version it replaces stays readable with who, when and why; the cases it was and is in are re-projected and
    /// the rules run again. Based on an older version than the stored one: 409 <c>stale-version</c>.</summary>
    /// <remarks>The body is <c>{reason, expectedVersion, occurredAt?, people?, data?}</c>; absent parts stay as they are.</remarks>
    public async Task<EventCorrected> CorrectAsync(Actor actor, string eventId, JsonElement body, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not correct records."));
        if (body.ValueKind != JsonValueKind.Object) throw new ProblemException(Problems.Problems.Invalid("body", "must be a JSON object"));
        var reason = body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()!.Trim() : "";
        if (reason.Length == 0) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why the record is being corrected."));
        if (reason.Length > 1000) throw new ProblemException(Problems.Problems.Invalid("reason", "must be 1000 characters or fewer"));
        if (!body.TryGetProperty("expectedVersion", out var ev) || ev.ValueKind != JsonValueKind.Number || !ev.TryGetInt32(out var expectedVersion))
            throw new ProblemException(Problems.Problems.Invalid("expectedVersion", "is required: the version of the event you are correcting"));
        if (!body.TryGetProperty("occurredAt", out _) && !body.TryGetProperty("people", out _) && !body.TryGetProperty("data", out _))
            throw new ProblemException(Problems.Problems.Invalid("body", "Give the corrected occurredAt, people or data."));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await GetVisibleAsync(actor, eventId, ct);
        if (e.Version != expectedVersion) throw new ProblemException(Problems.Problems.StaleVersion("event", e.Version));

        var submission = EventSubmissionReader.Read(Revised(e, body));
        await checks.CheckAsync(actor, submission, "", ct);
        // One writer per person, for the people it was about and will be about.
        await PersonLocks.TakeAsync(db, e.People.Select(p => p.PersonId).Concat(submission.People.Select(p => p.PersonId)), ct);

        var before = CaseProjector.StreamsOf(e);
        var oldPeople = e.People.Select(p => p.PersonId).ToHashSet();
        db.EventVersions.Add(new EventVersion
        {
            EventId = e.Id, Version = e.Version, Data = e.Data, OccurredAt = e.OccurredAt,
            People = JsonSerializer.Serialize(e.People.Select(p => new SubmittedParticipant(p.PersonId, p.Role)), Json),
            ChangedAt = clock.GetUtcNow(), ChangedBy = actor.Id, Reason = reason,
        });
        e.OccurredAt = submission.OccurredAt;
        e.Data = submission.Data.GetRawText();
        var revised = submission.People.DistinctBy(p => (p.PersonId, p.Role)).ToList();
        db.EventParticipants.RemoveRange(e.People.Where(p => !revised.Any(x => x.PersonId == p.PersonId && x.Role == p.Role)));
        foreach (var p in revised.Where(x => !e.People.Any(p => p.PersonId == x.PersonId && p.Role == x.Role)))
            e.People.Add(new EventParticipant { EventId = e.Id, PersonId = p.PersonId, Role = p.Role });
        e.People.RemoveAll(p => !revised.Any(x => x.PersonId == p.PersonId && x.Role == p.Role));
        e.Version++;
        await ReviseRelationshipAsync(e, submission, ct);
        foreach (var p in oldPeople.Union(e.People.Select(p => p.PersonId)))
            audit.Record(actor, AuditActions.Change, "event", e.Id, p, $"version {e.Version}", reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(Problems.Problems.StaleVersion("event", expectedVersion + 1));
        }

        await cases.ProjectAsync(e, before, ct);
        // Everyone the event was about and is about now: a person taken out of it loses what it supported.
        var outputs = await rules.RederiveWithNeighboursAsync(oldPeople.Union(e.People.Select(p => p.PersonId)).ToList(),
            $"an event was corrected on {Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow()):d MMMM yyyy}: {reason}", ct);
        await tx.CommitAsync(ct);
        return new EventCorrected(e.Id, e.Version, outputs);
    }

    /// <summary>Every version of an event, oldest first, each with who made it, when and why; reading them is logged.</summary>
    public async Task<(Event Event, IReadOnlyList<EventVersionView> Versions)> ReadAsync(Actor actor, string eventId, CancellationToken ct = default)
    {
        var e = await GetVisibleAsync(actor, eventId, ct);
        var stored = await db.EventVersions.AsNoTracking().Where(v => v.EventId == e.Id).OrderBy(v => v.Version).ToListAsync(ct);
        var versions = new List<EventVersionView>();
        IReadOnlyList<SubmittedParticipant> people = e.People.Select(p => new SubmittedParticipant(p.PersonId, p.Role)).ToList();
        // Newest first, because a version stored before people could be corrected holds no people: it had the next version's.
        for (int v = e.Version; v >= 1; v--)
        {
            var old = stored.FirstOrDefault(x => x.Version == v);
            var madeBy = stored.FirstOrDefault(x => x.Version == v - 1);
            if (old is { People: { Length: > 2 } list }) people = JsonSerializer.Deserialize<List<SubmittedParticipant>>(list, Json) ?? people;
            versions.Insert(0, new EventVersionView(v, v == e.Version, madeBy?.ChangedAt ?? e.RecordedAt, madeBy?.ChangedBy ?? e.RecordedBy,
                madeBy?.Reason, old?.OccurredAt ?? e.OccurredAt, people, JsonDocument.Parse(old?.Data ?? e.Data).RootElement.Clone()));
        }
        foreach (var p in e.People.Select(p => p.PersonId).Distinct()) audit.Record(actor, AuditActions.View, "event", e.Id, p);
        await db.SaveChangesAsync(ct);
        return (e, versions);
    }

    /// <summary>A corrected <c>relationship</c> event corrects the relationship record it made (A5).</summary>
    private async Task ReviseRelationshipAsync(Event e, EventSubmission s, CancellationToken ct)
    {
        if (e.Type != "relationship" || s.People.Count < 2) return;
        var relationship = await db.Relationships.FirstOrDefaultAsync(r => r.SourceEventId == e.Id, ct);
        if (relationship is null) return;
        relationship.PersonId = s.People[0].PersonId;
        relationship.OtherPersonId = s.People[1].PersonId;
        relationship.Kind = s.Data.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString()! : relationship.Kind;
        relationship.Start = s.OccurredAt;
    }

    /// <summary>The stored event with the correction's parts put in place, as a submission body.</summary>
    private static JsonElement Revised(Event e, JsonElement body)
    {
        var revised = new JsonObject
        {
            ["id"] = e.Id, ["type"] = e.Type, ["occurredAt"] = e.OccurredAt.ToString("O"),
            ["people"] = JsonSerializer.SerializeToNode(e.People.Select(p => new { personId = p.PersonId, role = p.Role }), Json),
            ["data"] = JsonNode.Parse(e.Data),
        };
        if (e.LocationName is not null || e.LocationPostcode is not null)
            revised["location"] = new JsonObject { ["name"] = e.LocationName, ["postcode"] = e.LocationPostcode };
        foreach (var part in new[] { "occurredAt", "people", "data" })
            if (body.TryGetProperty(part, out var value)) revised[part] = JsonNode.Parse(value.GetRawText());
        return JsonSerializer.SerializeToElement(revised, Json);
    }
}
