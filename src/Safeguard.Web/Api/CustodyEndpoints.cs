using Safeguard.Core.Custody;
using Safeguard.Core.Rules.Custody;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Children in custody (L1–L4): who is held now, one detention at a glance, and the transfer record per local
/// authority (CU4). Recording goes through <c>POST /api/v1/events</c> like every other event.</summary>
public static class CustodyEndpoints
{
    public static RouteGroupBuilder MapCustodyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/custody/now", async (HttpContext http, CustodyBoard board, TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            var items = await board.NowAsync(http.User.ToActor(), http.RequestAborted);
            return Results.Ok(items.Select(i => new
            {
                custodyId = i.Detention.CustodyId, personId = i.Child.Id, name = i.Child.FullName, detainedAt = i.Detention.Detained.OccurredAt,
                heldMinutes = (int)i.Held.TotalMinutes, appropriateAdult = i.Detention.AppropriateAdult, stage = i.Stage,
                nextReviewDue = i.NextReviewDue, reviewOverdue = i.ReviewOverdue(now), limitAt = i.LimitAt,
                flags = i.Flags.Select(f => new { code = f.Code, status = f.Status }),
            }));
        }).RequireAuthorization().WithTags("Custody")
          .WithSummary("Children in custody now (L1): detention time, next review due, the limit, the appropriate adult and flags, longest held first.");

        api.MapGet("/custody/{custodyId}", async (HttpContext http, CustodyBoard board, string custodyId) =>
        {
            var g = await board.GlanceAsync(http.User.ToActor(), custodyId, http.RequestAborted);
            var d = g.Detention;
            return Results.Ok(new
            {
                custodyId = d.CustodyId, person = g.Profile.Person, detainedAt = d.Detained.OccurredAt, appropriateAdult = d.AppropriateAdult,
                stage = CustodyBoard.Stage(d), limitAt = g.LimitAt, limitHours = g.LimitHours,
                reviews = g.Reviews.Select(r => new { number = r.Number, dueAt = r.DueAt, doneAt = r.DoneBy?.OccurredAt }),
                chargedAt = d.Charged?.OccurredAt, bailRefused = d.Charged is null ? (bool?)null : d.BailRefused,
                transferRequests = d.TransferRequests.Select(r => new { at = r.OccurredAt, accommodation = r.Text("accommodation"), localAuthority = r.Text("localAuthority") }),
                transferOutcomes = d.TransferOutcomes.Select(o => new { at = o.OccurredAt, outcome = o.Text("outcome"), reason = o.Text("reason") }),
                releasedAt = d.Released?.OccurredAt,
                socialCare = g.SocialCare, flags = g.Profile.Flags, plans = g.Profile.Plans,
                tasks = g.Profile.Tasks.Where(t => t.Status is "open" or "overdue"), alerts = g.Profile.Alerts,
                earlierDetentions = g.EarlierDetentions.Select(e => new { custodyId = e.CustodyId, detainedAt = e.Detained.OccurredAt }),
            });
        }).RequireAuthorization().WithTags("Custody")
          .WithSummary("One detention at a glance (L4): the child's flags, plans, open tasks, alerts and social worker, with the review and limit clocks.");

        api.MapGet("/measures/custody-transfers", async (HttpContext http, CustodyBoard board, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, string? unit) =>
        {
            var (start, end) = MeasureEndpoints.Period(from, to, clock);
            var rows = await board.TransferRecordAsync(http.User.ToActor(), start, end, unit, http.RequestAborted);
            return Results.Ok(new { from = start, to = end, unit, localAuthorities = rows });
        }).RequireAuthorization(MeasureEndpoints.MeasuresPolicy).WithTags("Measures")
          .WithSummary("CU4: per local authority, children charged and refused bail, transfer requests (secure), refusals, transfers, certificates of impracticability and children held overnight.");
        return api;
    }
}
