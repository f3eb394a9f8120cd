using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Restricting a person to named users and clients (P1), for administrators.</summary>
public static class RestrictionEndpoints
{
    public static RouteGroupBuilder MapRestrictionEndpoints(this RouteGroupBuilder api)
    {
        var restriction = api.MapGroup("/people/{id:guid}/restriction").WithTags("People");

        restriction.MapGet("/", (Guid id, HttpContext http, Restrictions service) => service.GetAsync(http.User.ToActor(), id, http.RequestAborted))
            .WithSummary("Whether the person is restricted and who is named (administrators).");

        restriction.MapPut("/", async (Guid id, HttpContext http, Restrictions service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            return Results.Ok(await service.RestrictAsync(http.User.ToActor(), id, body.StrList("allowed"), body.Str("reason"), http.RequestAborted));
        }).WithSummary("Restrict the person {allowed: [user:USERNAME | client:NAME | user or client id...], reason}: only those named and " +
            "administrators see them; everyone else gets 404. Replaces any earlier list (administrators).");

        restriction.MapDelete("/", async (Guid id, HttpContext http, Restrictions service, string? reason) =>
        {
            await service.LiftAsync(http.User.ToActor(), id, reason, http.RequestAborted);
            return Results.NoContent();
        }).WithSummary("Lift the restriction (administrators); optional ?reason= for the access log.");
        return api;
    }
}
