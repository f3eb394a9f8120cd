using Safeguard.Core.AccessLog;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>The access log, for administrators and auditors (P2, DP1): by person (id or name), user, action and time range, a page at a time.</summary>
public static class AuditEndpoints
{
    /// <summary>Administrators and auditors.</summary>
    public const string ReadersPolicy = "audit-readers";

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (HttpContext http, AccessLogSearch search, Guid? personId, string? person, string? actor, string? action,
            DateTimeOffset? from, DateTimeOffset? to, int? limit, int? page, int? pageSize) =>
        {
            var log = await search.SearchPageAsync(http.User.ToActor(), new AccessLogSearch.Filter(personId, actor, action, from, to, person),
                page ?? 1, pageSize ?? limit ?? 200, http.RequestAborted);
            http.Response.Headers[WorkEndpoints.TotalHeader] = log.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(log.Rows.Select(r => new
            {
                r.Entry.Id, r.Entry.At, r.Entry.ActorId, r.Entry.ActorName, r.Entry.ActorRole, r.Entry.Action, r.Entry.Entity, r.Entry.EntityId,
                r.Entry.PersonId, r.Entry.Detail, r.Entry.Reason, r.PersonName, r.RestrictedRecord, r.Summary,
            }));
        }).RequireAuthorization(ReadersPolicy).WithTags("Audit")
            .WithSummary("Search the access log (administrators and auditors): personId, person (part of the name), actor (part of the user's name or id), " +
                "action, from, to; newest first, page (from 1) and pageSize (1-1000, default 200; limit is the older name for it). " +
                "The true total is in X-Total-Count; each row names the person (personName; \"A restricted record\" with restrictedRecord true when the reader may not see them) and says what was done (summary).");
        return api;
    }
}
