using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;

namespace Safeguard.Core.Flags;

/// <summary>When two records of one person are merged and both hold a live flag of one code, one live flag
/// remains (issue 14): the stronger one (confirmed over suggested; the surviving record's when equal) is kept,
/// the other is joined into it (status <c>merged</c>), and its reasons and history are copied onto the kept
/// flag, marked as coming from the merge. Undoing the merge removes exactly those copies and gives the joined
/// flag back its status.</summary>
public sealed class FlagJoins(SafeguardDb db, AuditLog audit)
{
    /// <summary>Joins the live flags the two records share, saved before the merged record's rows move (so the
    /// one-live-flag index is never broken), and returns what was done for the merge to keep.</summary>
    public async Task<IReadOnlyList<FlagJoin>> JoinAsync(Actor actor, Person survivor, Person merged, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var live = await db.Flags.Include(f => f.Reasons).Include(f => f.History)
            .Where(f => (f.PersonId == survivor.Id || f.PersonId == merged.Id) && (f.Status == FlagStatus.Suggested || f.Status == FlagStatus.Confirmed))
            .ToListAsync(ct);
        var pairs = live.GroupBy(f => f.Code)
            .Select(g => (Ours: g.FirstOrDefault(f => f.PersonId == survivor.Id), Theirs: g.FirstOrDefault(f => f.PersonId == merged.Id)))
            .Where(p => p.Ours is not null && p.Theirs is not null).ToList();
        if (pairs.Count == 0) return [];

        var joins = new List<(Flag Kept, Flag Joined, string Status, List<FlagReason> Reasons, List<FlagHistoryEntry> History)>();
        foreach (var (ours, theirs) in pairs)
        {
            bool theirsStronger = theirs!.Status == FlagStatus.Confirmed && ours!.Status != FlagStatus.Confirmed;
            var (kept, joined) = theirsStronger ? (theirs, ours!) : (ours!, theirs);
            var joinedName = joined.PersonId == survivor.Id ? survivor.FullName : merged.FullName;
            var copiedReasons = joined.Reasons.Select(r => new FlagReason
            {
                FlagId = kept.Id, Rule = r.Rule, Explanation = r.Explanation, EventIds = r.EventIds.ToList(), At = r.At, Key = r.Key,
            }).ToList();
            var copiedHistory = joined.History.Select(h => new FlagHistoryEntry
            {
                FlagId = kept.Id, At = h.At, By = h.By, Status = h.Status, FromFlagId = joined.Id,
                Reason = $"On the merged record of {joinedName}: {h.Reason}".TrimEnd(' ', ':'),
            }).ToList();
            kept.Reasons.AddRange(copiedReasons);
            kept.History.AddRange(copiedHistory);
            kept.History.Add(new FlagHistoryEntry
            {
                At = now, By = actor.Name, Status = kept.Status,
                Reason = $"Records merged: the {joined.Status} flag of {joinedName}'s record, raised {joined.Since:d MMMM yyyy}, joined this one. {reason}",
            });
            kept.Version++;

            var status = joined.Status;
            joined.Status = FlagStatus.Merged;
            joined.Version++;
            joined.History.Add(new FlagHistoryEntry
            {
                At = now, By = actor.Name, Status = FlagStatus.Merged,
                Reason = $"Records merged: joined the {kept.Status} flag of the same kind, which now holds its reasons. {reason}",
            });
            audit.Record(actor, AuditActions.Change, "flag", joined.Id.ToString(), joined.PersonId, $"{joined.Code} merged into flag {kept.Id}", reason);
            joins.Add((kept, joined, status, copiedReasons, copiedHistory));
        }
        await db.SaveChangesAsync(ct);
        return joins.Select(j => new FlagJoin(j.Kept.Id, j.Joined.Id, j.Status, j.Reasons.Select(r => r.Id).ToList(), j.History.Select(h => h.Id).ToList())).ToList();
    }

    /// <summary>Undoes joins after the merge's rows have moved back: the copies go, the joined flag gets its
    /// status back. If the joined flag's record has meanwhile gained another live flag of that code, the joined
    /// flag stays merged (one live flag per code) and its history says why.</summary>
    public async Task SeparateAsync(Actor actor, IReadOnlyList<FlagJoin> joins, string reason, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var join in joins)
        {
            await db.FlagReasons.Where(r => join.CopiedReasons.Contains(r.Id)).ExecuteDeleteAsync(ct);
            await db.FlagHistory.Where(h => join.CopiedHistory.Contains(h.Id)).ExecuteDeleteAsync(ct);
            var kept = await db.Flags.Include(f => f.History).FirstAsync(f => f.Id == join.Kept, ct);
            var joined = await db.Flags.Include(f => f.History).FirstAsync(f => f.Id == join.Joined, ct);
            await db.Entry(kept).ReloadAsync(ct);
            await db.Entry(joined).ReloadAsync(ct);
            if (joined.Status != FlagStatus.Merged) continue;
            bool clash = await db.Flags.AnyAsync(f => f.PersonId == joined.PersonId && f.Code == joined.Code && f.Id != joined.Id
                && (f.Status == FlagStatus.Suggested || f.Status == FlagStatus.Confirmed), ct);
            if (clash)
            {
                joined.History.Add(new FlagHistoryEntry
                {
                    At = now, By = actor.Name, Status = FlagStatus.Merged,
                    Reason = $"Merge undone, but this record already has another current flag of this kind, so this one stays joined. {reason}",
                });
                continue;
            }
            joined.Status = join.JoinedStatus;
            joined.Version++;
            joined.History.Add(new FlagHistoryEntry { At = now, By = actor.Name, Status = joined.Status, Reason = $"Merge undone: this flag stands on its own again. {reason}" });
            kept.Version++;
            kept.History.Add(new FlagHistoryEntry { At = now, By = actor.Name, Status = kept.Status, Reason = $"Merge undone: the other record's flag stands on its own again. {reason}" });
            audit.Record(actor, AuditActions.Change, "flag", joined.Id.ToString(), joined.PersonId, $"{joined.Code} {joined.Status} again (merge undone)", reason);
        }
    }
}
