using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Exploitation;

namespace Safeguard.Core.Records;

/// <summary>The answer for one submitted event: created now (201) or already stored with the same body (200).</summary>
public sealed record EventResult(string EventId, bool Created, EventOutputs Outputs);

/// <summary>Stores events. A batch is all or nothing; each event is checked against the recording
/// standards, stored with its people, run through the rules, and audited, in one transaction that is
/// committed before the answer is given (P3, P4). The same id with the same body is stored once.</summary>
public sealed class EventService(SafeguardDb db, PersonAccess access, AuditLog audit, RulesRunner rules, ExplanationReader explanations, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly (string Field, string Type)[] EventReferences =
        [("missingEventId", "missing-reported"), ("referralEventId", "referral"), ("incidentEventId", "incident")];

    public async Task<IReadOnlyList<EventResult>> RecordAsync(Actor actor, IReadOnlyList<EventSubmission> submissions, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not record events."));
        IReadOnlyList<EventResult> results;
        try
        {
            results = await RecordOnceAsync(actor, submissions, ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have stored the same events between our check and our write:
            // then this is a repeat and is answered as one; otherwise the failure stands.
            if (!await AnyStoredAsync(submissions, ct)) throw;
            results = await RecordOnceAsync(actor, submissions, ct);
        }
        // Outputs are stored as the rules wrote them; the recorder reads them in words, about people they may see.
        var answered = new List<EventResult>();
        foreach (var r in results) answered.Add(r with { Outputs = await explanations.RenderAsync(actor, r.Outputs, ct) });
        return answered;
    }

    private async Task<IReadOnlyList<EventResult>> RecordOnceAsync(Actor actor, IReadOnlyList<EventSubmission> submissions, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = submissions.Select(s => s.Id).ToList();
        var existing = await db.Events.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var results = new List<EventResult>();

        foreach (var (s, index) in submissions.Select((s, i) => (s, i)))
        {
            var prefix = submissions.Count > 1 ? $"events[{index}]." : "";
            if (existing.TryGetValue(s.Id, out var stored))
            {
                if (stored.BodyHash != s.BodyHash)
                    throw new ProblemException(Problems.Problems.Conflict($"An event with id '{s.Id}' was already stored with a different body."));
                results.Add(new EventResult(s.Id, false, JsonSerializer.Deserialize<EventOutputs>(stored.Outputs, Json) ?? EventOutputs.None));
                continue;
            }

            var people = await CheckPeopleAsync(actor, s, prefix, ct);
            await CheckReferencesAsync(actor, s, prefix, ct);
            CheckStandards(s, people, prefix);

            var e = ToEvent(actor, s);
            await AddFoundWithAsync(actor, e, s, ct);
            await CheckDisruptionRulesAsync(e, people, prefix, ct);
            db.Events.Add(e);
            AddRelationship(s, e);
            await db.SaveChangesAsync(ct);

            var outputs = await rules.ApplyAsync(e, ct);
            e.Outputs = JsonSerializer.Serialize(outputs, Json);
            foreach (var p in e.People.Select(p => p.PersonId).Distinct())
                audit.Record(actor, AuditActions.Create, "event", e.Id, p, e.Type);
            await db.SaveChangesAsync(ct);
            results.Add(new EventResult(e.Id, true, outputs));
        }
        await tx.CommitAsync(ct);
        return results;
    }

    private async Task<bool> AnyStoredAsync(IReadOnlyList<EventSubmission> submissions, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ids = submissions.Select(s => s.Id).ToList();
        return await db.Events.CountAsync(e => ids.Contains(e.Id), ct) > 0;
    }

    private async Task<Dictionary<Guid, Person>> CheckPeopleAsync(Actor actor, EventSubmission s, string prefix, CancellationToken ct)
    {
        var ids = s.People.Select(p => p.PersonId).Distinct().ToList();
        var people = await access.Visible(actor).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var errors = new Dictionary<string, string[]>();
        for (int i = 0; i < s.People.Count; i++)
            if (!people.ContainsKey(s.People[i].PersonId))
                errors[$"{prefix}people[{i}].personId"] = [$"No person with id {s.People[i].PersonId} exists, or you may not see them."];
        if (s.Data.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var c in children.EnumerateArray())
            {
                if (c.ValueKind != JsonValueKind.Object || !c.TryGetProperty("personId", out var id) || id.ValueKind != JsonValueKind.String
                    || !Guid.TryParse(id.GetString(), out var g) || !ids.Contains(g))
                    errors[$"{prefix}data.children[{i}].personId"] = ["Each child in data.children must also be in people with the role child."];
                i++;
            }
        }
        if (errors.Count > 0) throw new ProblemException(new Problem(422, "unknown-person", "Unknown person", "Every person in an event must already exist.", errors));
        return people;
    }

    /// <summary>An event named in the data must exist, be of the right type, involve one of this event's
    /// people and be visible to the caller; every failure answers the same, so nothing hidden is revealed.</summary>
    private async Task CheckReferencesAsync(Actor actor, EventSubmission s, string prefix, CancellationToken ct)
    {
        foreach (var (field, type) in EventReferences)
        {
            if (!s.Data.TryGetProperty(field, out var v) || v.ValueKind != JsonValueKind.String) continue;
            var id = v.GetString()!;
            var referenced = await db.Events.Include(e => e.People).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            var ids = referenced?.People.Select(p => p.PersonId).Distinct().ToList() ?? [];
            bool fits = referenced is not null && referenced.Type == type
                && ids.Any(p => s.People.Any(x => x.PersonId == p))
                && await access.Visible(actor).CountAsync(p => ids.Contains(p.Id), ct) == ids.Count;
            if (fits) continue;
            throw new ProblemException(new Problem(422, "unknown-event", "Unknown event", $"No {type} event with id '{id}' about these people exists.",
                new Dictionary<string, string[]> { [$"{prefix}data.{field}"] = [$"No {type} event with id '{id}' about these people exists."] }));
        }
    }

    private static void CheckStandards(EventSubmission s, Dictionary<Guid, Person> people, string prefix)
    {
        var on = Calendar.SafeguardCalendar.LondonDate(s.OccurredAt);
        var standardsPeople = s.People.Select(p => new StandardsPerson(p.PersonId, p.Role, people[p.PersonId].AgeOn(on))).ToList();
        var shortfalls = RecordingStandards.Check(s.Type, s.Data, standardsPeople);
        if (shortfalls.Count == 0) return;
        var errors = shortfalls.GroupBy(f => prefix + "data." + f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        throw new ProblemException(Problems.Problems.Refused(shortfalls[0].Code, errors));
    }

    /// <summary>A child abduction warning notice only for a child the law allows (CS3).</summary>
    private async Task CheckDisruptionRulesAsync(Event e, Dictionary<Guid, Person> people, string prefix, CancellationToken ct)
    {
        if (e.Type != "cawn-served") return;
        var settings = await rules.SettingsAsync(ct);
        var cawn = ChronologyEvent.From(e);
        foreach (var child in e.People.Where(p => p.Role == "child").Select(p => p.PersonId).Distinct())
        {
            var flags = await db.Flags.Where(f => f.PersonId == child).ToListAsync(ct);
            var refusal = CawnAgeRule.Check(cawn, PersonFacts.From(people[child], flags, []), settings);
            if (refusal is not null) throw new ProblemException(Problems.Problems.Refused(refusal.Code, prefix + refusal.Field, refusal.Message));
        }
    }

    private Event ToEvent(Actor actor, EventSubmission s) => new()
    {
        Id = s.Id,
        Type = s.Type,
        OccurredAt = s.OccurredAt,
        RecordedAt = clock.GetUtcNow(),
        RecordedBy = s.RecordedBy ?? actor.Id,
        Unit = s.Unit ?? actor.Team ?? "",
        LocationName = s.LocationName,
        LocationPostcode = s.LocationPostcode,
        Data = s.Data.GetRawText(),
        BodyHash = s.BodyHash,
        People = s.People.DistinctBy(p => (p.PersonId, p.Role)).Select(p => new EventParticipant { EventId = s.Id, PersonId = p.PersonId, Role = p.Role }).ToList(),
    };

    /// <summary>People named by id in a <c>missing-located</c>'s <c>foundWith</c> are associates of the child (D4): each one the
    /// recorder may see, and who is not already in the event, joins it with the role <c>associate</c>, so the rules and the
    /// profile find them in their chronology. Names written as text stay text.</summary>
    private async Task AddFoundWithAsync(Actor actor, Event e, EventSubmission s, CancellationToken ct)
    {
        if (e.Type != "missing-located" || !s.Data.TryGetProperty("foundWith", out var list) || list.ValueKind != JsonValueKind.Array) return;
        var named = list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String)
            .Select(x => Guid.TryParse(x.GetString(), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty && e.People.All(p => p.PersonId != id)).Distinct().ToList();
        if (named.Count == 0) return;
        var known = await access.Visible(actor).Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in named.Where(known.Contains))
            e.People.Add(new EventParticipant { EventId = e.Id, PersonId = id, Role = "associate" });
    }

    /// <summary>A relationship event makes a relationship record (A5) between the first two people.</summary>
    private void AddRelationship(EventSubmission s, Event e)
    {
        if (s.Type != "relationship" || s.People.Count < 2) return;
        db.Relationships.Add(new Relationship
        {
            PersonId = s.People[0].PersonId, OtherPersonId = s.People[1].PersonId, Kind = s.Data.GetProperty("kind").GetString()!,
            Start = s.OccurredAt, SourceEventId = e.Id,
        });
    }

    /// <summary>Corrects an event's data: a new version; the old one stays readable with who, when, why (A3).</summary>
    public async Task<Event> CorrectAsync(Actor actor, string eventId, JsonElement data, string reason, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not correct records."));
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why the record is being corrected."));
        var e = await GetVisibleAsync(actor, eventId, ct);
        var submission = EventSubmissionReader.Read(JsonSerializer.SerializeToElement(new
        {
            id = e.Id, type = e.Type, occurredAt = e.OccurredAt, people = e.People.Select(p => new { personId = p.PersonId, role = p.Role }), data,
        }));
        var people = await access.Visible(actor).Where(p => e.People.Select(x => x.PersonId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        CheckStandards(submission, people, "");

        db.EventVersions.Add(new EventVersion
        {
            EventId = e.Id, Version = e.Version, Data = e.Data, OccurredAt = e.OccurredAt, ChangedAt = clock.GetUtcNow(), ChangedBy = actor.Id,
            Reason = reason.Trim(),
        });
        e.Data = data.GetRawText();
        e.Version++;
        foreach (var p in e.People.Select(p => p.PersonId).Distinct())
            audit.Record(actor, AuditActions.Change, "event", e.Id, p, $"version {e.Version}", reason);
        await db.SaveChangesAsync(ct);
        return e;
    }

    /// <summary>An event, if the actor may see every person in it.</summary>
    public async Task<Event> GetVisibleAsync(Actor actor, string eventId, CancellationToken ct = default)
    {
        var e = await db.Events.Include(x => x.People).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) throw new ProblemException(Problems.Problems.NotFound("event"));
        var ids = e.People.Select(p => p.PersonId).Distinct().ToList();
        if (await access.Visible(actor).CountAsync(p => ids.Contains(p.Id), ct) != ids.Count)
            throw new ProblemException(Problems.Problems.NotFound("event"));
        return e;
    }
}
