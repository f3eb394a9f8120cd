using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.AccessLog;

/// <summary>Writes the append-only access log (P2). Entries are added to the caller's unit of work,
/// so a change and its audit line are committed together or not at all; a read's rows, which have no change to ride
/// with, go through the <see cref="AccessLogWriter"/> (<see cref="SaveReadAsync"/>).</summary>
public sealed class AuditLog(SafeguardDb db, TimeProvider clock, AccessLogWriter? writer = null)
{
    public void Record(Actor actor, string action, string entity, string? entityId = null, Guid? personId = null,
        string? detail = null, string? reason = null) =>
        db.Audit.Add(Entry(actor, action, entity, entityId, personId, detail, reason));

    /// <summary>A row as <see cref="Record"/> would add it, not added: for a caller that writes rows in bulk and links
    /// them into the chain itself (<see cref="AuditChain.LinkAsync(SafeguardDb, IReadOnlyList{AuditEntry}, CancellationToken)"/>).</summary>
    public AuditEntry Entry(Actor actor, string action, string entity, string? entityId = null, Guid? personId = null,
        string? detail = null, string? reason = null) =>
        new()
        {
            At = clock.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            PersonId = personId,
            Detail = detail,
            Reason = reason,
        };

    /// <summary>One row per person shown (P2, DP1), so that "who viewed this child" finds every list, search result and
    /// export the child was in, not only their profile. Rows ride with the caller's unit of work: one save writes the
    /// whole page's rows in one batched insert.</summary>
    public void RecordPeople(Actor actor, string action, string entity, IEnumerable<Guid?> people, string? detail = null, string? reason = null) =>
        db.Audit.AddRange(PeopleEntries(actor, action, entity, people, detail, reason));

    /// <summary>The rows <see cref="RecordPeople"/> adds, one per person, not added.</summary>
    public IEnumerable<AuditEntry> PeopleEntries(Actor actor, string action, string entity, IEnumerable<Guid?> people, string? detail = null,
        string? reason = null) =>
        people.OfType<Guid>().Distinct().Select(id => Entry(actor, action, entity, null, id, detail, reason));

    /// <summary>A summary row for a list or search (what was shown, how many) and one row per person on it, saved together.</summary>
    public async Task RecordListNowAsync(Actor actor, string action, string entity, IEnumerable<Guid?> people, string? detail,
        string? reason = null, CancellationToken ct = default)
    {
        await SaveReadAsync(
            [
                Entry(actor, action, entity, detail: detail, reason: reason),
                .. PeopleEntries(actor, action, entity, people, detail, reason),
            ], ct);
    }

    /// <summary>The rows of a read, saved before the caller shows what was read: through the <see cref="AccessLogWriter"/>
    /// (group commit with other readers) when this unit of work has nothing else to save and no transaction open;
    /// otherwise with the unit of work, as <see cref="Record"/> does.</summary>
    public async Task SaveReadAsync(IReadOnlyList<AuditEntry> rows, CancellationToken ct = default)
    {
        if (writer is not null && db.Database.CurrentTransaction is null && !db.ChangeTracker.HasChanges())
        {
            await writer.AppendAsync(rows, ct);
            return;
        }
        db.Audit.AddRange(rows);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records and saves at once: for reads, which have no other change to ride with.</summary>
    public async Task RecordNowAsync(Actor actor, string action, string entity, string? entityId = null, Guid? personId = null,
        string? detail = null, string? reason = null, CancellationToken ct = default)
    {
        Record(actor, action, entity, entityId, personId, detail, reason);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The actions written to the access log.</summary>
public static class AuditActions
{
    public const string View = "view";
    public const string Search = "search";
    public const string List = "list";
    public const string Create = "create";
    public const string Change = "change";
    public const string Export = "export";
    /// <summary>A printable view was opened (P2): what left the screen for paper is logged like an export.</summary>
    public const string Print = "print";
    public const string Share = "share";
    /// <summary>A retention review decided (P5): kept with a new review date, or deleted.</summary>
    public const string Retention = "retention";
    /// <summary>A backup was put in place of the database (<c>safeguard restore</c>); written into the restored database.</summary>
    public const string Restore = "restore";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
}
