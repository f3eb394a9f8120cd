using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Merging duplicate records of one person, and undoing it (D2, A3).</summary>
public static class MergeEndpoints
{
    public sealed record MergeView(Guid Id, Guid SurvivorId, Guid MergedId, string By, DateTimeOffset At, string Reason,
        DateTimeOffset? UndoneAt, string? UndoneBy, string? UndoReason, int Version);

    public static RouteGroupBuilder MapMergeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/people/{id:guid}/merge", async (Guid id, HttpContext http, MergeService merges) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            if (!Guid.TryParse(body.Str("otherPersonId"), out var other))
                throw new Core.Problems.ProblemException(Core.Problems.Problems.Invalid("otherPersonId", "must be the id of the person to merge into this one"));
            var merge = await merges.MergeAsync(http.User.ToActor(), id, other, body.Str("reason"), http.RequestAborted,
                body.ExpectedVersion(), body.ExpectedVersion("otherExpectedVersion"));
            return Results.Created($"/api/v1/merges/{merge.Id}", View(merge));
        }).WithTags("Merges").WithSummary("Merge another record (otherPersonId) into this one, with a reason; the other record stays readable with mergedInto set. "
            + "expectedVersion (this record) and otherExpectedVersion (the other) are checked when given: stale answers 409 stale-version.");

        api.MapPost("/merges/{mergeId:guid}/undo", async (Guid mergeId, HttpContext http, MergeService merges) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var merge = await merges.UndoAsync(http.User.ToActor(), mergeId, body.Str("reason"), http.RequestAborted, body.ExpectedVersion());
            return Results.Ok(View(merge));
        }).WithTags("Merges").WithSummary("Undo a merge: exactly the rows it moved go back to the merged record.");

        api.MapGet("/people/{id:guid}/merges", async (Guid id, HttpContext http, MergeService merges, PersonAccess access) =>
        {
            await access.GetVisibleAsync(http.User.ToActor(), id, http.RequestAborted);
            return Results.Ok((await merges.HistoryAsync(http.User.ToActor(), id, http.RequestAborted)).Select(View));
        }).WithTags("Merges").WithSummary("The merges this record took part in, as survivor or as merged record, newest first (undone ones included).");
        return api;
    }

    public static MergeView View(PersonMerge m) => new(m.Id, m.SurvivorId, m.MergedId, m.By, m.At, m.Reason, m.UndoneAt, m.UndoneBy, m.UndoReason, m.Version);
}
