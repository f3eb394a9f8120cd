using Safeguard.Core.Work;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Worklists (E, I8): tasks and alerts across people, for the teams that act on them, a page at a time with the
/// true total in <c>X-Total-Count</c>; and acting on them (issue 8 point 3): complete, assign, acknowledge.</summary>
public static class WorkEndpoints
{
    public const string TotalHeader = "X-Total-Count";

    public static RouteGroupBuilder MapWorkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", async (HttpContext http, Worklist worklist, string? status, string? code, string? team, Guid? personId,
            string? assigned, string? sort, int? page, int? pageSize) =>
        {
            var list = await worklist.TasksAsync(http.User.ToActor(),
                new WorkFilter(status, code, team, personId, assigned, sort, page ?? 1, pageSize ?? Worklist.DefaultPageSize), http.RequestAborted);
            http.Response.Headers[TotalHeader] = list.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(list.Items.Select(TaskBody));
        }).WithTags("Work").WithSummary("Tasks: status open|done|overdue (overdue judged against the clock now), code, team, personId, assigned " +
            "mine|team, sort raised (newest raised first, the default)|due (overdue first, then soonest due), page (from 1), pageSize (1-500, " +
            "default 50). The true total is in the X-Total-Count header.");

        api.MapGet("/alerts", async (HttpContext http, Worklist worklist, string? audience, string? code, bool? unacknowledged, int? page, int? pageSize) =>
        {
            var list = await worklist.AlertsAsync(http.User.ToActor(), audience, code, page ?? 1, pageSize ?? Worklist.DefaultPageSize,
                unacknowledged ?? false, http.RequestAborted);
            http.Response.Headers[TotalHeader] = list.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(list.Items.Select(AlertBody));
        }).WithTags("Work").WithSummary("Alerts for an audience (supervisor, control-room, ...), newest first; unacknowledged=true for those " +
            "no one has acknowledged; page, pageSize as for tasks; the true total in X-Total-Count.");

        api.MapPost("/tasks/{id:guid}/complete", async (Guid id, HttpContext http, WorkActions actions) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var task = await actions.CompleteAsync(http.User.ToActor(), id, body.Str("note"), body.ExpectedVersion(), http.RequestAborted);
            return Results.Ok(Decided(task));
        }).WithTags("Work").WithSummary("Complete a task by hand; {note (what was done, required), expectedVersion?}. A stale version answers " +
            "409 stale-version; a task already done or withdrawn, 409 illegal-transition.");

        api.MapPost("/tasks/{id:guid}/assign", async (Guid id, HttpContext http, WorkActions actions) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var task = await actions.AssignAsync(http.User.ToActor(), id, body.Str("team"), body.Str("user"), body.Str("reason"),
                body.ExpectedVersion(), http.RequestAborted);
            return Results.Ok(Decided(task));
        }).WithTags("Work").WithSummary("Assign or reassign an open task; {team? (a team code), user? (a username; the task moves to their " +
            "team), reason?, expectedVersion?}: at least one of team and user.");

        api.MapPost("/alerts/{id:guid}/acknowledge", async (Guid id, HttpContext http, WorkActions actions) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var alert = await actions.AcknowledgeAsync(http.User.ToActor(), id, body.Str("note"), body.ExpectedVersion(), http.RequestAborted);
            return Results.Ok(new { alert.Id, alert.PersonId, alert.Code, alert.AcknowledgedAt, alert.AcknowledgedBy, alert.AcknowledgeNote, alert.Version });
        }).WithTags("Work").WithSummary("Acknowledge an alert; {note (what you did, required), expectedVersion?}. Acknowledged already: 409 illegal-transition.");
        return api;
    }

    private static object TaskBody(WorklistTask t) => new
    {
        t.Task.Id, t.Task.PersonId, t.PersonName, t.Task.Code, t.Task.Status, t.Task.DueAt, t.Task.AssignedTo, t.AssignedUser,
        t.Task.CreatedAt, RaisedAt = t.Task.CreatedAt, t.Task.ClosedAt, t.CompletedBy, t.CompletionNote, t.Version, t.Task.Reason,
    };

    private static object AlertBody(WorklistAlert a) => new
    {
        a.Alert.Id, a.Alert.PersonId, a.PersonName, a.Alert.Code, a.Alert.CreatedAt, a.Alert.Audience, a.AcknowledgedAt, a.AcknowledgedBy,
        a.AcknowledgeNote, a.Version, a.Alert.Reason,
    };

    private static object Decided(WorkTask t) => new
    {
        t.Id, t.PersonId, t.Code, t.Status, t.DueAt, t.AssignedTo, t.AssignedUser, t.ClosedAt, t.CompletedBy, t.CompletionNote, t.Version,
    };
}
