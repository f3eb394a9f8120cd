using System.Globalization;
using System.Text.Json;
using Safeguard.Core.Calendar;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Sharing;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Sharing with partner organisations (J1-J3): police share and end shares; partner practitioners read what is
/// shared with their organisation and answer referrals; administrators add organisations. Anything a partner may not
/// see answers 404 <c>not-found</c> exactly as something that does not exist.</summary>
public static class SharingEndpoints
{
    public const string PartnerPolicy = "partner";

    public static RouteGroupBuilder MapSharingEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/lawful-bases", () => Results.Ok(LawfulBases.All.Select(b => new { code = b.Code, name = b.Name, explanation = b.Explanation })))
            .WithTags("Sharing").WithSummary("The lawful bases a share may rest on (codes are stable; add, never rename).");

        api.MapGet("/people/{id:guid}/shares", async (Guid id, HttpContext http, Shares shares) =>
            Results.Ok(await shares.ForPersonAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithTags("Sharing").WithSummary("Every share of the person with partner organisations, live ones first (roles that read people).");

        api.MapPost("/people/{id:guid}/shares", async (Guid id, HttpContext http, Shares shares) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var share = await shares.ShareAsync(http.User.ToActor(), id, new NewShare(body.Str("scope"), body.Str("eventId"), body.Str("organisation"),
                body.Str("lawfulBasis"), body.Str("purpose"), Until(body.Str("until"))), http.RequestAborted);
            return Results.Created($"/api/v1/people/{id}/shares", share);
        }).WithTags("Sharing").WithSummary("Share {scope: record|event|plan, eventId? (event and plan), organisation, lawfulBasis, purpose?, until} with a partner " +
            "organisation (roles that record). until is an instant, or a date meaning the end of that day in London; at most a year ahead.");

        api.MapPost("/shares/{shareId:guid}/end", async (Guid shareId, HttpContext http, Shares shares) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            return Results.Ok(await shares.EndAsync(http.User.ToActor(), shareId, body.Str("reason"), http.RequestAborted));
        }).WithTags("Sharing").WithSummary("End a share now {reason}; the partner loses sight at once (roles that record).");

        var partner = api.MapGroup("/partner").WithTags("Partner portal").RequireAuthorization(PartnerPolicy);
        partner.MapGet("/", async (HttpContext http, PartnerPortal portal) => Results.Ok(await portal.HomeAsync(http.User.ToActor(), http.RequestAborted)))
            .WithSummary("What is shared with the caller's organisation: children and items, referrals to it, and the decisions and tasks it owns (partner practitioners).");
        partner.MapGet("/children/{id:guid}", async (Guid id, HttpContext http, PartnerPortal portal) =>
                Results.Ok(await portal.ChildAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("What is shared of one child; 404 unless a live share names the caller's organisation.");
        partner.MapGet("/referrals/{id}", async (string id, HttpContext http, PartnerPortal portal) =>
                Results.Ok(await portal.ReferralAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("A referral sent to the caller's organisation; 404 for any other.");
        partner.MapPost("/referrals/{id}/response", async (string id, HttpContext http, PartnerPortal portal) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var result = await portal.RespondAsync(http.User.ToActor(), id,
                new ReferralAnswer(body.Str("outcome"), body.Str("reason"), body.Str("socialWorker"), body.Str("id")), http.RequestAborted);
            return result.Created ? Results.Created($"/api/v1/events/{result.EventId}", new { id = result.EventId })
                : Results.Ok(new { id = result.EventId });
        }).WithSummary("Accept or decline a referral to the caller's organisation {outcome: accepted|declined, reason (required to decline), socialWorker?, id?}: " +
            "records a referral-response event. id makes a retry safe. An answered referral: 409 illegal-transition.");

        var organisations = api.MapGroup("/organisations").WithTags("Organisations").RequireAuthorization(SecuritySetup.AdminPolicy);
        organisations.MapGet("/", async (HttpContext http, PartnerOrganisations service) => Results.Ok(await service.ListAsync(http.User.ToActor(), http.RequestAborted)))
            .WithSummary("Partner organisations with how many users each has (administrators).");
        organisations.MapPost("/", async (HttpContext http, PartnerOrganisations service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var added = await service.AddAsync(http.User.ToActor(),
                new NewOrganisation(body.Str("code"), body.Str("name"), body.Str("kind"), body.Str("localAuthority")), http.RequestAborted);
            return Results.Created($"/api/v1/organisations/{added.Code}", added);
        }).WithSummary("Add a partner organisation {code, name, kind: social-care|health|education|police, localAuthority?} (administrators).");
        return api;
    }

    /// <summary>An instant, or a date meaning the end of that day in London; anything else is refused.</summary>
    private static DateTimeOffset? Until(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return EndOfDay(date);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) && text.Contains('T'))
            return at.ToUniversalTime();
        throw new ProblemException(Core.Problems.Problems.Invalid("until", "must be a date like 2026-06-30 or an instant like 2026-06-30T17:00:00Z"));
    }

    /// <summary>The last moment of a London day: midnight at its end.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => SafeguardCalendar.ToInstant(date.AddDays(1), TimeOnly.MinValue);
}
