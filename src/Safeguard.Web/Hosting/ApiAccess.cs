using Microsoft.AspNetCore.Authorization;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>The API's role rules for routes that change records, in one table: checked by authorisation before the body
/// is read, so a role that may not use a route is refused with 403 whatever it sends (a malformed body from a refused
/// caller is not worth a 400). Routes not listed here are for every client, and their services decide what each may see
/// (a record not visible answers 404). Routes for administrators, measures, offenders and case audits carry their own policies where
/// they are mapped.</summary>
public static class ApiAccess
{
    public const string RecordPolicy = "api:record";
    public const string DecidePolicy = "api:decide";
    public const string ReadPolicy = "api:read";

    /// <summary>(method, route template under /api/v1, policy).</summary>
    public static readonly IReadOnlyList<(string Method, string Template, string Policy)> Rules =
    [
        ("POST", "/api/v1/events", RecordPolicy),
        ("POST", "/api/v1/events/{id}/corrections", RecordPolicy),
        ("POST", "/api/v1/people", RecordPolicy),
        ("POST", "/api/v1/people/{id:guid}/corrections", RecordPolicy),
        ("POST", "/api/v1/people/{id:guid}/flags", RecordPolicy),
        ("POST", "/api/v1/people/{id:guid}/shares", RecordPolicy),
        ("POST", "/api/v1/shares/{shareId:guid}/end", RecordPolicy),
        ("POST", "/api/v1/tasks/{id:guid}/complete", RecordPolicy),
        ("POST", "/api/v1/tasks/{id:guid}/assign", RecordPolicy),
        ("POST", "/api/v1/alerts/{id:guid}/acknowledge", RecordPolicy),
        ("POST", "/api/v1/people/{id:guid}/flags/{flagId:guid}/confirm", DecidePolicy),
        ("POST", "/api/v1/people/{id:guid}/flags/{flagId:guid}/reject", DecidePolicy),
        ("POST", "/api/v1/people/{id:guid}/flags/{flagId:guid}/end", DecidePolicy),
        ("POST", "/api/v1/people/{id:guid}/merge", DecidePolicy),
        ("POST", "/api/v1/merges/{mergeId:guid}/undo", DecidePolicy),
        ("POST", "/api/v1/match-reviews/{id:guid}/decision", DecidePolicy),
        ("POST", "/api/v1/cases/meeting/{id}/actions/{number:int}/done", RecordPolicy),
        ("POST", "/api/v1/referrals/{id}/received", RecordPolicy),
        ("POST", "/api/v1/referrals/{id}/screening", RecordPolicy),
        ("POST", "/api/v1/referrals/{id}/response", RecordPolicy),
        ("POST", "/api/v1/referrals/{id}/assessment", RecordPolicy),
        ("POST", "/api/v1/referrals/{id}/close", RecordPolicy),
        // Police lists: partner practitioners read only what is shared with them, through /partner.
        ("GET", "/api/v1/queues/{queue}", ReadPolicy),
        ("GET", "/api/v1/police-protection/now", ReadPolicy),
        ("GET", "/api/v1/actions", ReadPolicy),
        ("GET", "/api/v1/meetings/conference-attendance", ReadPolicy),
        ("GET", "/api/v1/daily-management-meeting", ReadPolicy),
        ("GET", "/api/v1/referrals", ReadPolicy),
        ("GET", "/api/v1/referrals/{id}", ReadPolicy),
    ];

    public static AuthorizationBuilder AddApiRolePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(RecordPolicy, p => p.RequireRole(Roles.Record))
        .AddPolicy(DecidePolicy, p => p.RequireRole(Roles.DecideFlags))
        .AddPolicy(ReadPolicy, p => p.RequireRole(Roles.ReadPeople));

    /// <summary>Gives each route in <see cref="Rules"/> its policy, on top of the group's.</summary>
    public static RouteGroupBuilder WithApiRoles(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route) return;
            var template = "/" + (route.RoutePattern.RawText ?? "").Trim('/');
            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            foreach (var (method, path, policy) in Rules)
                if (path == template && methods.Contains(method))
                    endpoint.Metadata.Add(new AuthorizeAttribute(policy));
        });
        return api;
    }
}
