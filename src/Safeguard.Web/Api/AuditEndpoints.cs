using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>The access log, for administrators (P2).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (HttpContext http, SafeguardDb db, AuditLog audit, Guid? personId, string? actor, string? action,
            DateTimeOffset? from, DateTimeOffset? to, int? limit) =>
        {
            var rows = await AuditQuery.RunAsync(db, new AuditQuery.Filter(personId, actor, action, from, to), Math.Clamp(limit ?? 200, 1, 1000), http.RequestAborted);
            await audit.RecordNowAsync(http.User.ToActor(), AuditActions.Search, "audit", personId: personId, detail: $"{rows.Count} rows", ct: http.RequestAborted);
            return Results.Ok(rows);
        }).RequireAuthorization(SecuritySetup.AdminPolicy).WithTags("Audit").WithSummary("Search the access log (administrators).");
        return api;
    }
}

/// <summary>Searching the access log, shared by the API and the administrator's page.</summary>
public static class AuditQuery
{
    public sealed record Filter(Guid? PersonId, string? Actor, string? Action, DateTimeOffset? From, DateTimeOffset? To);

    public static async Task<IReadOnlyList<AuditEntry>> RunAsync(SafeguardDb db, Filter f, int limit, CancellationToken ct)
    {
        var q = db.Audit.AsNoTracking();
        if (f.PersonId is { } p) q = q.Where(a => a.PersonId == p);
        if (!string.IsNullOrWhiteSpace(f.Actor)) q = q.Where(a => a.ActorId.Contains(f.Actor) || a.ActorName.Contains(f.Actor));
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action == f.Action);
        if (f.From is { } from) q = q.Where(a => a.At >= from);
        if (f.To is { } to) q = q.Where(a => a.At <= to);
        return await q.OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct);
    }
}
