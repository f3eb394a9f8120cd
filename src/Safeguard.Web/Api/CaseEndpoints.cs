using Safeguard.Core.Cases;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Cases (API.md "Cases"): stateful work as typed state, projected from the events.</summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapGet("/", async (HttpContext http, CaseService service, string? type, string? status, string? team, Guid? personId, int? page, int? pageSize) =>
            Results.Ok(await service.ListAsync(http.User.ToActor(), new CaseFilter(type, status, team, personId, page ?? 1, pageSize ?? 50), http.RequestAborted)))
            .WithSummary("Cases, newest opened first, paged (page from 1, pageSize up to 200): type (missing-episode, investigation, referral, custody, " +
                "police-protection, offender, meeting), status, team, personId. Only cases whose people the caller may all see.");

        cases.MapGet("/{type}/{id}", async (string type, string id, HttpContext http, CaseService service) =>
            Results.Ok(await service.GetAsync(http.User.ToActor(), type, id, http.RequestAborted)))
            .WithSummary("One case with its people, events, type-specific fields and (meetings) actions; 404 if it does not exist or the caller may not see everyone in it.");
        return api;
    }
}
