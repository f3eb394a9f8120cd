using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.AccessLog;

/// <summary>Writes the append-only access log (P2). Entries are added to the caller's unit of work,
/// so a change and its audit line are committed together or not at all.</summary>
public sealed class AuditLog(SafeguardDb db, TimeProvider clock)
{
    public void Record(Actor actor, string action, string entity, string? entityId = null, Guid? personId = null,
        string? detail = null, string? reason = null)
    {
        db.Audit.Add(new AuditEntry
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
        });
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
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
}
