using Safeguard.Core.Flags;
using Safeguard.Core.Profiles;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Flags by hand (C2–C3): raise with reason and evidence, confirm, reject, end.</summary>
public static class FlagEndpoints
{
    public static RouteGroupBuilder MapFlagEndpoints(this RouteGroupBuilder api)
    {
        var flags = api.MapGroup("/people/{id:guid}/flags").WithTags("Flags");

        flags.MapPost("/", async (Guid id, HttpContext http, FlagService service, ExplanationReader explanations, TimeProvider clock) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var flag = await service.RaiseAsync(http.User.ToActor(), id, body.Str("code") ?? "", body.Str("reason"), body.StrList("eventIds"),
                ct: http.RequestAborted);
            return Results.Created($"/api/v1/people/{id}/flags/{flag.Id}",
                await explanations.RenderAsync(http.User.ToActor(), FlagViews.AsOf(flag, clock.GetUtcNow()), http.RequestAborted));
        }).WithSummary("Raise a flag by hand with a reason and the events that justify it.");

        flags.MapPost("/{flagId:guid}/confirm", (Guid id, Guid flagId, HttpContext http, FlagService s, ExplanationReader explanations, TimeProvider clock) =>
            Decide(http, clock, explanations, (reason, version) => s.ConfirmAsync(http.User.ToActor(), id, flagId, reason, http.RequestAborted, version)))
            .WithSummary("Confirm a suggested flag; {reason?, expectedVersion?}. A stale expectedVersion answers 409 stale-version; a flag that is not suggested, 409 illegal-transition.");
        flags.MapPost("/{flagId:guid}/reject", (Guid id, Guid flagId, HttpContext http, FlagService s, ExplanationReader explanations, TimeProvider clock) =>
            Decide(http, clock, explanations, (reason, version) => s.RejectAsync(http.User.ToActor(), id, flagId, reason, http.RequestAborted, version)))
            .WithSummary("Reject a suggested flag; {reason, expectedVersion?}.");
        flags.MapPost("/{flagId:guid}/end", (Guid id, Guid flagId, HttpContext http, FlagService s, ExplanationReader explanations, TimeProvider clock) =>
            Decide(http, clock, explanations, (reason, version) => s.EndAsync(http.User.ToActor(), id, flagId, reason, http.RequestAborted, version)))
            .WithSummary("End a confirmed flag; {reason, expectedVersion?}.");
        return api;
    }

    private static async Task<IResult> Decide(HttpContext http, TimeProvider clock, ExplanationReader explanations, Func<string?, int?, Task<Flag>> decide)
    {
        string? reason = null;
        int? version = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            reason = body.Str("reason");
            version = body.ExpectedVersion();
        }
        var flag = await decide(reason, version);
        return Results.Ok(await explanations.RenderAsync(http.User.ToActor(), FlagViews.AsOf(flag, clock.GetUtcNow()), http.RequestAborted));
    }
}
