using Safeguard.Core.AccessLog;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>The access log, for administrators (P2).</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (HttpContext http, AccessLogSearch search, Guid? personId, string? actor, string? action,
            DateTimeOffset? from, DateTimeOffset? to, int? limit) =>
            Results.Ok(await search.SearchAsync(http.User.ToActor(), new AccessLogSearch.Filter(personId, actor, action, from, to), limit ?? 200, http.RequestAborted)))
            .RequireAuthorization(SecuritySetup.AdminPolicy).WithTags("Audit").WithSummary("Search the access log (administrators).");
        return api;
    }
}
