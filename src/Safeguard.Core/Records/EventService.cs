using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Core.Derivation;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Records;

/// <summary>The answer for one submitted event: created now (201) or already stored with the same body (200).</summary>
public sealed record EventResult(string EventId, bool Created, EventOutputs Outputs);

/// <summary>Stores events. A batch is all or nothing; each event is checked against the recording
/// standards, stored with its people, run through the rules, and audited, in one transaction that is
/// committed before the answer is given (P3, P4). The same id with the same body is stored once.</summary>
public sealed partial class EventService(SafeguardDb db, PersonAccess access, AuditLog audit, RulesRunner rules, EventChecks checks,
    CaseProjector cases, ExplanationReader explanations, TimeProvider clock, Offenders.OffenderAddressLinks addressLinks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="actor">Who records.</param>
    /// <param name="submissions">The events, all or nothing.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="derive">False only for a caller that re-derives the people itself afterwards, in bulk (the
    /// importer, per batch): the events are then answered with no outputs.</param>
    public async Task<IReadOnlyList<EventResult>> RecordAsync(Actor actor, IReadOnlyList<EventSubmission> submissions, CancellationToken ct = default,
        bool derive = true)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not record events."));
        IReadOnlyList<EventResult> results;
        try
        {
            results = await RecordOnceAsync(actor, actor, submissions, derive, ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have stored the same events between our check and our write:
            // then this is a repeat and is answered as one; otherwise the failure stands.
            if (!await AnyStoredAsync(submissions, ct)) throw;
            results = await RecordOnceAsync(actor, actor, submissions, derive, ct);
        }
        // Outputs are stored as the rules wrote them; the recorder reads them in words, about people they may see.
        var answered = new List<EventResult>();
        foreach (var r in results) answered.Add(r with { Outputs = await explanations.RenderAsync(actor, r.Outputs, ct) });
        return answered;
    }

    /// <summary>Records a partner practitioner's answer to a referral sent to their organisation (J1): a <c>referral-response</c>
    /// only. A partner may not read police records, so the event's people and its referral are checked as the service itself;
    /// the caller (<see cref="Sharing.PartnerPortal"/>) has already checked that the referral went to the partner's organisation.
    /// The event, its access-log rows and its outputs are the partner's.</summary>
    public async Task<EventResult> RecordPartnerResponseAsync(Actor partner, EventSubmission submission, CancellationToken ct = default)
    {
        if (!partner.Is(Roles.PartnerPractitioner) || partner.Organisation is null || submission.Type != "referral-response")
            throw new ProblemException(Problems.Problems.Forbidden("Only a partner practitioner may answer a referral to their organisation here."));
        var checker = Actor.System("partner-referral-response");
        IReadOnlyList<EventResult> results;
        try
        {
            results = await RecordOnceAsync(partner, checker, [submission], true, ct);
        }
        catch (DbUpdateException)
        {
            if (!await AnyStoredAsync([submission], ct)) throw;
            results = await RecordOnceAsync(partner, checker, [submission], true, ct);
        }
        return results[0] with { Outputs = await explanations.RenderAsync(partner, results[0].Outputs, ct) };
    }

    // actor: who records (the event, its access-log rows and its unit are theirs); checker: whose sight the people and
    // references are checked against, which is the actor except for a partner's referral response.
    private async Task<IReadOnlyList<EventResult>> RecordOnceAsync(Actor actor, Actor checker, IReadOnlyList<EventSubmission> submissions, bool derive,
        CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One writer per person: events for the same people at the same moment are worked one after the other.
        await PersonLocks.TakeAsync(db, submissions.SelectMany(s => s.People.Select(p => p.PersonId)), ct);
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

            await checks.CheckAsync(checker, s, prefix, ct);

            var e = ToEvent(actor, s);
            await AddFoundWithAsync(checker, e, s, ct);
            db.Events.Add(e);
            AddRelationship(s, e);
            await db.SaveChangesAsync(ct);
            await cases.ProjectAsync(e, [], ct);
            // K4: an offender's address shared with a child links them, before the rules read the offender's history.
            if (await addressLinks.LinkAsync(e, ct) > 0) await cases.ProjectStreamsAsync(Cases.CaseStreams.Of(ChronologyEvent.From(e)), ct);

            var outputs = derive ? await rules.ApplyAsync(e, ct) : EventOutputs.None;
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

    private Event ToEvent(Actor actor, EventSubmission s) => Build(s, clock.GetUtcNow(), s.RecordedBy ?? actor.Id, s.Unit ?? actor.Team ?? actor.Organisation ?? "");

    /// <summary>The stored event for a submission, with its people (each person and role once): what recording stores,
    /// and what a bulk load writes directly.</summary>
    public static Event Build(EventSubmission s, DateTimeOffset recordedAt, string recordedBy, string unit) => new()
    {
        Id = s.Id,
        Type = s.Type,
        OccurredAt = s.OccurredAt,
        RecordedAt = recordedAt,
        RecordedBy = recordedBy,
        Unit = unit,
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
        var named = FoundWith(e, s);
        if (named.Count == 0) return;
        var known = await access.Visible(actor).Where(p => named.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        AddAssociates(e, named.Where(known.Contains));
    }

    /// <summary>The people named by id in a <c>missing-located</c>'s <c>foundWith</c> who are not already in the event.</summary>
    public static IReadOnlyList<Guid> FoundWith(Event e, EventSubmission s)
    {
        if (e.Type != "missing-located" || !s.Data.TryGetProperty("foundWith", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String)
            .Select(x => Guid.TryParse(x.GetString(), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty && e.People.All(p => p.PersonId != id)).Distinct().ToList();
    }

    /// <summary>Adds people found with a missing child to the event as associates.</summary>
    public static void AddAssociates(Event e, IEnumerable<Guid> people)
    {
        foreach (var id in people)
            e.People.Add(new EventParticipant { EventId = e.Id, PersonId = id, Role = "associate" });
    }

    /// <summary>A relationship event makes a relationship record (A5) between the first two people.</summary>
    private void AddRelationship(EventSubmission s, Event e)
    {
        if (RelationshipOf(s, e) is { } relationship) db.Relationships.Add(relationship);
    }

    /// <summary>The relationship record a <c>relationship</c> event makes (A5), or null for any other event.</summary>
    public static Relationship? RelationshipOf(EventSubmission s, Event e) =>
        s.Type != "relationship" || s.People.Count < 2 ? null : new Relationship
        {
            PersonId = s.People[0].PersonId, OtherPersonId = s.People[1].PersonId, Kind = s.Data.GetProperty("kind").GetString()!,
            Start = s.OccurredAt, SourceEventId = e.Id,
        };

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
