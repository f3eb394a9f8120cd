using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Derivation;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.Records;

/// <summary>Merges a duplicate person record into the one that stays, and undoes it (D2, A3).
/// The merged record's event participations, relationships, flags, tasks and alerts are re-pointed to the
/// survivor so every page and rule sees one person; the <see cref="PersonMerge"/> row lists exactly
/// which rows moved, so undoing moves back those rows and no others.</summary>
public sealed class MergeService(SafeguardDb db, PersonAccess access, AuditLog audit, RulesRunner rules, Cases.CaseProjector cases,
    TimeProvider clock, Flags.FlagJoins flagJoins)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Roles that may merge and unmerge: the same people trusted to decide flags.</summary>
    public static bool MayMerge(Actor actor) => Roles.DecideFlags.Contains(actor.Role);

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>. Both people's locks are held
    /// from before anything is read, so two merges of the same pair at once (either way round) cannot both
    /// happen and hide a child: the second finds one record already merged and is refused.</summary>
    /// <remarks><c>expectedVersion</c> and <c>otherExpectedVersion</c>: the survivor's and the merged record's versions the
    /// decision was made on, when the caller names them.</remarks>
    public async Task<PersonMerge> MergeAsync(Actor actor, Guid survivorId, Guid mergedId, string? reason, CancellationToken ct = default,
        int? expectedVersion = null, int? otherExpectedVersion = null)
    {
        if (!MayMerge(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only supervisors, investigators and administrators may merge records."));
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why these records are the same person."));
        if (survivorId == mergedId) throw new ProblemException(Problems.Problems.Invalid("otherPersonId", "A record cannot be merged into itself."));

        // A caller deciding a review already holds a transaction, so its decision and the merge commit together.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await PersonLocks.TakeAsync(db, [survivorId, mergedId], ct);
        var survivor = await access.GetVisibleAsync(actor, survivorId, ct);
        var merged = await access.GetVisibleAsync(actor, mergedId, ct);
        // Read before the lock by the caller, perhaps: what counts is the state now that we hold it.
        await db.Entry(survivor).ReloadAsync(ct);
        await db.Entry(merged).ReloadAsync(ct);
        if (expectedVersion is { } ev && ev != survivor.Version) throw new ProblemException(Problems.Problems.StaleVersion("record", survivor.Version));
        if (otherExpectedVersion is { } ov && ov != merged.Version) throw new ProblemException(Problems.Problems.StaleVersion("other record", merged.Version));
        if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null)
            throw new ProblemException(Problems.Problems.Conflict("One of these records has already been merged into another; use the record it was merged into."));

        var now = clock.GetUtcNow();
        var joins = await flagJoins.JoinAsync(actor, survivor, merged, reason.Trim(), now, ct);
        var moved = await MoveAsync(mergedId, survivorId, ct) with { FlagJoins = joins };
        var merge = new PersonMerge
        {
            Id = Guid.NewGuid(), SurvivorId = survivorId, MergedId = mergedId, By = actor.Id, At = now, Reason = reason.Trim(),
            MovedRows = JsonSerializer.Serialize(moved, Json),
        };
        db.PersonMerges.Add(merge);
        db.PersonVersions.Add(PersonVersion.Of(merged, now, actor.Id, $"Merged into record {survivorId}: {merge.Reason}"));
        merged.MergedIntoId = survivorId;
        merged.Version++;
        audit.Record(actor, AuditActions.Change, "person", survivorId.ToString(), survivorId, $"merge {merge.Id}: record merged into this one, {moved.Count} rows moved", merge.Reason);
        audit.Record(actor, AuditActions.Change, "person", mergedId.ToString(), mergedId, $"merge {merge.Id}: merged into another record", merge.Reason);
        await SaveAsync("record", ct);
        await cases.ProjectPeopleAsync([survivorId, mergedId], ct);
        // Both records' outputs follow the merged history: the survivor's are derived afresh, the merged record's withdrawn.
        await rules.RederiveWithNeighboursAsync([survivorId, mergedId], $"two records were merged on {LondonDay(merge.At)}", ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return merge;
    }

    /// <summary>Undoes a merge: exactly the rows it moved go back, flags joined by it stand apart again, and the
    /// merged record stands alone again.</summary>
    /// <remarks><c>expectedVersion</c>: the merge's version the decision was made on, if the caller names one.</remarks>
    public async Task<PersonMerge> UndoAsync(Actor actor, Guid mergeId, string? reason, CancellationToken ct = default, int? expectedVersion = null)
    {
        if (!MayMerge(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only supervisors, investigators and administrators may undo a merge."));
        var found = await db.PersonMerges.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mergeId, ct) ?? throw new ProblemException(Problems.Problems.NotFound("merge"));
        await access.GetVisibleAsync(actor, found.MergedId, ct);
        await access.GetVisibleAsync(actor, found.SurvivorId, ct);
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why the merge is being undone."));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonLocks.TakeAsync(db, [found.SurvivorId, found.MergedId], ct);
        var merge = await db.PersonMerges.FirstAsync(m => m.Id == mergeId, ct);
        await db.Entry(merge).ReloadAsync(ct);
        var merged = await db.People.FirstAsync(p => p.Id == merge.MergedId, ct);
        await db.Entry(merged).ReloadAsync(ct);
        if (expectedVersion is { } ev && ev != merge.Version) throw new ProblemException(Problems.Problems.StaleVersion("merge", merge.Version));
        if (merge.UndoneAt is not null) throw new ProblemException(Problems.Problems.Conflict("This merge has already been undone."));

        var moved = JsonSerializer.Deserialize<MovedRows>(merge.MovedRows, Json) ?? throw new InvalidOperationException("Merge rows unreadable.");
        await db.EventParticipants.Where(p => moved.Participations.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, merge.MergedId), ct);
        await db.Relationships.Where(r => moved.RelationshipsAsPerson.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, merge.MergedId), ct);
        await db.Relationships.Where(r => moved.RelationshipsAsOther.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.OtherPersonId, merge.MergedId), ct);
        await db.Flags.Where(f => moved.Flags.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.PersonId, merge.MergedId), ct);
        await db.Tasks.Where(t => moved.Tasks.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.PersonId, merge.MergedId), ct);
        await db.Alerts.Where(a => moved.Alerts.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, merge.MergedId), ct);
        var now = clock.GetUtcNow();
        await flagJoins.SeparateAsync(actor, moved.FlagJoins ?? [], reason.Trim(), now, ct);

        db.PersonVersions.Add(PersonVersion.Of(merged, now, actor.Id, $"Merge undone: {reason.Trim()}"));
        merged.MergedIntoId = null;
        merged.Version++;
        merge.UndoneAt = now;
        merge.UndoneBy = actor.Id;
        merge.UndoReason = reason.Trim();
        merge.Version++;
        audit.Record(actor, AuditActions.Change, "person", merge.SurvivorId.ToString(), merge.SurvivorId, $"merge {merge.Id} undone", merge.UndoReason);
        audit.Record(actor, AuditActions.Change, "person", merge.MergedId.ToString(), merge.MergedId, $"merge {merge.Id} undone", merge.UndoReason);
        await SaveAsync("merge", ct);
        await cases.ProjectPeopleAsync([merge.SurvivorId, merge.MergedId], ct);
        await rules.RederiveWithNeighboursAsync([merge.SurvivorId, merge.MergedId], $"a merge of two records was undone on {LondonDay(merge.UndoneAt.Value)}", ct);
        await tx.CommitAsync(ct);
        return merge;
    }

    private async Task SaveAsync(string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var current = e.Entries.Select(x => x.Property("Version").CurrentValue).OfType<int>().FirstOrDefault();
            throw new ProblemException(Problems.Problems.StaleVersion(what, current));
        }
    }

    private static string LondonDay(DateTimeOffset at) => $"{Calendar.SafeguardCalendar.LondonDate(at):d MMMM yyyy}";

    /// <summary>The merges a person took part in, newest first, for their history; logged for the person and for each
    /// record merged with them.</summary>
    public async Task<List<PersonMerge>> HistoryAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == personId || m.MergedId == personId).OrderByDescending(m => m.At).ToListAsync(ct);
        audit.Record(actor, AuditActions.View, "merge-history", personId.ToString(), personId, $"{merges.Count} merges");
        audit.RecordPeople(actor, AuditActions.View, "merge-history", merges.SelectMany(m => new[] { (Guid?)m.SurvivorId, m.MergedId }).Where(id => id != personId),
            $"merged with {personId}");
        await db.SaveChangesAsync(ct);
        return merges;
    }

    private async Task<MovedRows> MoveAsync(Guid from, Guid to, CancellationToken ct)
    {
        // A participation the survivor already has (same event, same role) cannot move without breaking
        // the unique key; it stays on the merged record, and the event is on the survivor's chronology anyway.
        var survivorRoles = await db.EventParticipants.Where(p => p.PersonId == to).Select(p => new { p.EventId, p.Role }).ToListAsync(ct);
        var taken = survivorRoles.Select(p => (p.EventId, p.Role)).ToHashSet();
        var participations = (await db.EventParticipants.Where(p => p.PersonId == from).ToListAsync(ct))
            .Where(p => !taken.Contains((p.EventId, p.Role))).Select(p => p.Id).ToList();
        var moved = new MovedRows(
            participations,
            await db.Relationships.Where(r => r.PersonId == from).Select(r => r.Id).ToListAsync(ct),
            await db.Relationships.Where(r => r.OtherPersonId == from).Select(r => r.Id).ToListAsync(ct),
            await db.Flags.Where(f => f.PersonId == from).Select(f => f.Id).ToListAsync(ct),
            await db.Tasks.Where(t => t.PersonId == from).Select(t => t.Id).ToListAsync(ct),
            await db.Alerts.Where(a => a.PersonId == from).Select(a => a.Id).ToListAsync(ct));

        await db.EventParticipants.Where(p => moved.Participations.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, to), ct);
        await db.Relationships.Where(r => moved.RelationshipsAsPerson.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, to), ct);
        await db.Relationships.Where(r => moved.RelationshipsAsOther.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.OtherPersonId, to), ct);
        await db.Flags.Where(f => moved.Flags.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.PersonId, to), ct);
        await db.Tasks.Where(t => moved.Tasks.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.PersonId, to), ct);
        await db.Alerts.Where(a => moved.Alerts.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, to), ct);
        return moved;
    }
}
