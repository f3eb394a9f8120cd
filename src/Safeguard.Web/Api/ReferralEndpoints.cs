using System.Text.Json;
using Safeguard.Core.Referrals;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Referrals to and from partners and the MASH's decisions (J2, J3, WT1, WT5). Each step is an event (also accepted
/// at <c>POST /api/v1/events</c>); these addresses fill in the referral's people and id.</summary>
public static class ReferralEndpoints
{
    public static RouteGroupBuilder MapReferralEndpoints(this RouteGroupBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("/", async (HttpContext http, ReferralService service, string? direction, string? state, string? organisation, Guid? personId,
                int? page, int? pageSize) =>
            Results.Ok(await service.ListAsync(http.User.ToActor(), new ReferralQuery(direction, state, organisation, personId, page ?? 1, pageSize ?? 25), http.RequestAborted)))
            .WithSummary("Referrals, newest first: direction (sent, received), state (open, overdue, closed), organisation (to or from), personId; " +
                "each with its status, times, response time, MASH screening and the WT1/WT5 due times; measure: response times of all that match.");
        referrals.MapGet("/{id}", async (string id, HttpContext http, ReferralService service) =>
            Results.Ok(await service.GetAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("One referral; 404 when it does not exist or the caller may not see everyone in it.");

        referrals.MapPost("/{id}/received", async (string id, HttpContext http, ReferralService service) =>
        {
            var body = await BodyAsync(http);
            return Created(await service.RecordReceivedAsync(http.User.ToActor(), id, At(body), body.Str("id"), http.RequestAborted));
        }).WithSummary("The receiving agency has the referral: {at?, id?}. WT1 counts from then.");
        referrals.MapPost("/{id}/screening", async (string id, HttpContext http, ReferralService service) =>
        {
            var body = await BodyAsync(http);
            var contributions = body.TryGetProperty("contributions", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(c => new AgencyContribution(c.Str("agency") ?? "", c.Str("information") ?? "")).ToList() : [];
            return Created(await service.RecordScreeningAsync(http.User.ToActor(), id, body.Str("decision"), body.Str("rationale"), contributions,
                At(body), body.Str("id"), http.RequestAborted));
        }).WithSummary("The MASH screening decision (J3): {decision, rationale?, contributions?: [{agency, information}], at?, id?}.");
        referrals.MapPost("/{id}/response", async (string id, HttpContext http, ReferralService service) =>
        {
            var body = await BodyAsync(http);
            return Created(await service.RecordResponseAsync(http.User.ToActor(), id, body.Str("outcome"), body.Str("reason"), At(body), body.Str("id"), http.RequestAborted));
        }).WithSummary("The partner's answer (J2): {outcome: accepted | declined, reason (required to decline), at?, id?}.");
        referrals.MapPost("/{id}/assessment", async (string id, HttpContext http, ReferralService service) =>
        {
            var body = await BodyAsync(http);
            return Created(await service.RecordAssessmentAsync(http.User.ToActor(), id, body.Str("outcome"), At(body), body.Str("id"), http.RequestAborted));
        }).WithSummary("Children's social care's assessment is done (WT5): {outcome?, at?, id?}.");
        referrals.MapPost("/{id}/close", async (string id, HttpContext http, ReferralService service) =>
        {
            var body = await BodyAsync(http);
            return Created(await service.RecordClosedAsync(http.User.ToActor(), id, body.Str("reason"), At(body), body.Str("id"), http.RequestAborted));
        }).WithSummary("Close the referral: {reason?, at?, id?}.");
        return api;
    }

    private static async Task<JsonElement> BodyAsync(HttpContext http) =>
        http.Request.ContentLength is 0 ? JsonDocument.Parse("{}").RootElement : (await RequestBody.ReadJsonAsync(http)).RequireObject();

    private static DateTimeOffset? At(JsonElement body)
    {
        var text = body.Str("at");
        if (text is null) return null;
        if (Core.Recording.FieldKind.TryInstant(text, out var at)) return at;
        throw new Core.Problems.ProblemException(Core.Problems.Problems.Invalid("at", "must be an instant with offset, e.g. 2026-03-01T21:14:00Z"));
    }

    private static IResult Created(Core.Records.EventResult result) =>
        Results.Created($"/api/v1/events/{result.EventId}", new { result.EventId, result.Outputs });
}
