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
public sealed class MergeService(SafeguardDb db, PersonAccess access, AuditLog audit, RulesRunner rules, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Roles that may merge and unmerge: the same people trusted to decide flags.</summary>
    public static bool MayMerge(Actor actor) => Roles.DecideFlags.Contains(actor.Role);

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>.</summary>
    public async Task<PersonMerge> MergeAsync(Actor actor, Guid survivorId, Guid mergedId, string? reason, CancellationToken ct = default)
    {
        if (!MayMerge(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only supervisors, investigators and administrators may merge records."));
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why these records are the same person."));
        if (survivorId == mergedId) throw new ProblemException(Problems.Problems.Invalid("otherPersonId", "A record cannot be merged into itself."));
        var survivor = await access.GetVisibleAsync(actor, survivorId, ct);
        var merged = await access.GetVisibleAsync(actor, mergedId, ct);
        if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null)
            throw new ProblemException(Problems.Problems.Conflict("One of these records has already been merged into another; use the record it was merged into."));

        // A caller deciding a review already holds a transaction, so its decision and the merge commit together.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var moved = await MoveAsync(mergedId, survivorId, ct);
        var merge = new PersonMerge
        {
            Id = Guid.NewGuid(), SurvivorId = survivorId, MergedId = mergedId, By = actor.Id, At = clock.GetUtcNow(), Reason = reason.Trim(),
            MovedRows = JsonSerializer.Serialize(moved, Json),
        };
        db.PersonMerges.Add(merge);
        merged.MergedIntoId = survivorId;
        audit.Record(actor, AuditActions.Change, "person", survivorId.ToString(), survivorId, $"merge {merge.Id}: record merged into this one, {moved.Count} rows moved", merge.Reason);
        audit.Record(actor, AuditActions.Change, "person", mergedId.ToString(), mergedId, $"merge {merge.Id}: merged into another record", merge.Reason);
        await db.SaveChangesAsync(ct);
        // Both records' outputs follow the merged history: the survivor's are derived afresh, the merged record's withdrawn.
        await rules.RederiveWithNeighboursAsync([survivorId, mergedId], $"two records were merged on {LondonDay(merge.At)}", ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return merge;
    }

    /// <summary>Undoes a merge: exactly the rows it moved go back, and the merged record stands alone again.</summary>
    public async Task<PersonMerge> UndoAsync(Actor actor, Guid mergeId, string? reason, CancellationToken ct = default)
    {
        if (!MayMerge(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only supervisors, investigators and administrators may undo a merge."));
        var merge = await db.PersonMerges.FirstOrDefaultAsync(m => m.Id == mergeId, ct) ?? throw new ProblemException(Problems.Problems.NotFound("merge"));
        var merged = await access.GetVisibleAsync(actor, merge.MergedId, ct);
        await access.GetVisibleAsync(actor, merge.SurvivorId, ct);
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why the merge is being undone."));
        if (merge.UndoneAt is not null) throw new ProblemException(Problems.Problems.Conflict("This merge has already been undone."));

        var moved = JsonSerializer.Deserialize<MovedRows>(merge.MovedRows, Json) ?? throw new InvalidOperationException("Merge rows unreadable.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.EventParticipants.Where(p => moved.Participations.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.PersonId, merge.MergedId), ct);
        await db.Relationships.Where(r => moved.RelationshipsAsPerson.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, merge.MergedId), ct);
        await db.Relationships.Where(r => moved.RelationshipsAsOther.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.OtherPersonId, merge.MergedId), ct);
        await db.Flags.Where(f => moved.Flags.Contains(f.Id)).ExecuteUpdateAsync(s => s.SetProperty(f => f.PersonId, merge.MergedId), ct);
        await db.Tasks.Where(t => moved.Tasks.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.PersonId, merge.MergedId), ct);
        await db.Alerts.Where(a => moved.Alerts.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PersonId, merge.MergedId), ct);
        merged.MergedIntoId = null;
        merge.UndoneAt = clock.GetUtcNow();
        merge.UndoneBy = actor.Id;
        merge.UndoReason = reason.Trim();
        audit.Record(actor, AuditActions.Change, "person", merge.SurvivorId.ToString(), merge.SurvivorId, $"merge {merge.Id} undone", merge.UndoReason);
        audit.Record(actor, AuditActions.Change, "person", merge.MergedId.ToString(), merge.MergedId, $"merge {merge.Id} undone", merge.UndoReason);
        await db.SaveChangesAsync(ct);
        await rules.RederiveWithNeighboursAsync([merge.SurvivorId, merge.MergedId], $"a merge of two records was undone on {LondonDay(merge.UndoneAt.Value)}", ct);
        await tx.CommitAsync(ct);
        return merge;
    }

    private static string LondonDay(DateTimeOffset at) => $"{Calendar.SafeguardCalendar.LondonDate(at):d MMMM yyyy}";

    /// <summary>The merges a person took part in, newest first, for their history.</summary>
    public Task<List<PersonMerge>> HistoryAsync(Guid personId, CancellationToken ct = default) =>
        db.PersonMerges.Where(m => m.SurvivorId == personId || m.MergedId == personId).OrderByDescending(m => m.At).ToListAsync(ct);

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
