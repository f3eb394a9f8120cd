using Safeguard.Core.MatchReviews;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>The queue of possible matches waiting for a decision (D5, O).</summary>
public static class MatchReviewEndpoints
{
    public sealed record ReviewPerson(Guid Id, string Forename, string Surname, DateOnly? DateOfBirth, string? Postcode, int Version);

    public sealed record ReviewView(Guid Id, ReviewPerson Incoming, ReviewPerson Candidate, double Score, IReadOnlyList<string> Reasons,
        string Source, DateTimeOffset CreatedAt, string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason, Guid? MergeId, int Version);

    /// <summary>The API's page size when none is given: the 200 the list always answered with before it was paged.</summary>
    public const int DefaultPageSize = 200;

    public static RouteGroupBuilder MapMatchReviewEndpoints(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/match-reviews").WithTags("Match reviews");

        reviews.MapGet("/", async (HttpContext http, MatchReviewService service, string? status, int? page, int? pageSize) =>
        {
            var list = await service.ListPageAsync(http.User.ToActor(), status, page ?? 1, pageSize ?? DefaultPageSize, http.RequestAborted);
            http.Response.Headers[WorkEndpoints.TotalHeader] = list.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(list.Items.Select(View));
        }).WithSummary("Possible matches, newest first; status = open, linked or kept-apart; page (from 1), pageSize (1-1000, default 200). "
            + "The true total is in the X-Total-Count header.");

        reviews.MapGet("/{id:guid}", async (Guid id, HttpContext http, MatchReviewService service) =>
            Results.Ok(View(await service.GetAsync(http.User.ToActor(), id, http.RequestAborted))))
            .WithSummary("One possible match with both records and the reasons.");

        reviews.MapPost("/{id:guid}/decision", async (Guid id, HttpContext http, MatchReviewService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var actor = http.User.ToActor();
            await service.DecideAsync(actor, id, body.Str("decision"), body.Str("reason"), http.RequestAborted, body.ExpectedVersion());
            return Results.Ok(View(await service.GetAsync(actor, id, http.RequestAborted)));
        }).WithSummary("Decide: \"link\" merges the incoming record into the existing one; \"keep-apart\" records that they are different people. "
            + "expectedVersion, when given, must be the review's current version (409 stale-version otherwise); an already decided review answers 409.");
        return api;
    }

    public static ReviewView View(MatchReviewItem i) => new(i.Review.Id, Person(i.Incoming), Person(i.Candidate), i.Review.Score, i.Review.Reasons,
        i.Review.Source, i.Review.CreatedAt, i.Review.Status, i.Review.DecidedBy, i.Review.DecidedAt, i.Review.Reason, i.Review.MergeId, i.Review.Version);

    private static ReviewPerson Person(Core.Records.Person p) => new(p.Id, p.Forename, p.Surname, p.DateOfBirth, p.Postcode, p.Version);
}
