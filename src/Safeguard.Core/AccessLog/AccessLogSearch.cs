using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Core.AccessLog;

/// <summary>Searching the access log (P2), for administrators, from the API and the administrator's page alike.
/// The search is itself written to the log.</summary>
public sealed class AccessLogSearch(SafeguardDb db, AuditLog audit)
{
    public sealed record Filter(Guid? PersonId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To);

    /// <summary>Matching entries, newest first, at most <paramref name="limit"/> (1 to 1000).</summary>
    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(Actor actor, Filter f, int limit, CancellationToken ct = default)
    {
        if (!actor.IsAdministrator) throw new ProblemException(Problems.Problems.Forbidden("Only administrators may search the access log."));
        var q = db.Audit.AsNoTracking();
        if (f.PersonId is { } p) q = q.Where(a => a.PersonId == p);
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(a => a.ActorId.Contains(f.Actor) || a.ActorName.Contains(f.Actor));
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (f.From is { } from) q = q.Where(a => a.At >= from);
        if (f.To is { } to) q = q.Where(a => a.At <= to);
        var rows = await q.OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(ct);
        await audit.RecordNowAsync(actor, AuditActions.Search, "audit", personId: f.PersonId, detail: $"{rows.Count} rows", ct: ct);
        return rows;
    }
}
