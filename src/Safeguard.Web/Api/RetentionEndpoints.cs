using System.Globalization;
using Safeguard.Core.Problems;
using Safeguard.Core.Retention;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Retention reviews (P5, RT1), for supervisors and administrators: the queue of records due, one record's
/// retention group and next review date, and the decision (keep with a new review date, or delete).</summary>
public static class RetentionEndpoints
{
    public const string ReviewersPolicy = "retention-reviewers";

    public static RouteGroupBuilder MapRetentionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/retention/reviews", async (HttpContext http, RetentionReviews reviews, int? page, int? pageSize) =>
        {
            var queue = await reviews.QueueAsync(http.User.ToActor(), page ?? 1, pageSize ?? RetentionReviews.DefaultPageSize, http.RequestAborted);
            http.Response.Headers[WorkEndpoints.TotalHeader] = queue.Total.ToString(CultureInfo.InvariantCulture);
            return Results.Ok(queue.Items.Select(View));
        }).RequireAuthorization(ReviewersPolicy).WithTags("Retention")
            .WithSummary("Records due for a retention review (RT1), longest overdue first: page (from 1), pageSize (1-500, default 50); " +
                "the true total is in X-Total-Count.");

        api.MapGet("/people/{id:guid}/retention", async (Guid id, HttpContext http, RetentionReviews reviews) =>
            Results.Ok(View(await reviews.StatusAsync(http.User.ToActor(), id, http.RequestAborted))))
            .RequireAuthorization(ReviewersPolicy).WithTags("Retention")
            .WithSummary("A record's retention group, latest activity, next review date, last decision and whether it may be deleted yet.");

        api.MapPost("/people/{id:guid}/retention", async (Guid id, HttpContext http, RetentionReviews reviews) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            DateOnly? next = null;
            if (body.Str("nextReviewOn") is { } text)
                next = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw new ProblemException(Core.Problems.Problems.Invalid("nextReviewOn", "must be a date, for example 2032-03-27"));
            var decided = await reviews.DecideAsync(http.User.ToActor(), id, body.Str("decision"), next, body.Str("reason"), body.ExpectedVersion(),
                http.RequestAborted);
            return Results.Created($"/api/v1/people/{id}/retention", Decision(decided));
        }).RequireAuthorization(ReviewersPolicy).WithTags("Retention")
            .WithSummary("Record a retention review: {decision: keep|delete, nextReviewOn (keep: yyyy-MM-dd, after today, within the group's " +
                "review years), reason, expectedVersion?}. Delete removes the person's personal data and answers 404 for them afterwards; " +
                "a public protection record is kept to the subject's 100th birthday.");
        return api;
    }

    private static object View(RetentionStatus s) => new
    {
        s.PersonId, s.Name, s.DateOfBirth, s.Group, GroupName = RetentionGroups.Describe(s.Group), s.LastActivity, s.NextReviewOn, s.Due,
        LastDecision = s.LastDecision is { } d ? Decision(d) : null, MayDelete = s.WhyNotDeletable is null, s.WhyNotDeletable, s.Version,
    };

    private static object Decision(RetentionDecision d) => new { d.Id, d.PersonId, d.Group, d.Decision, d.NextReviewOn, d.Reason, d.DecidedBy, d.DecidedByName, d.DecidedAt };
}
