using Safeguard.Core.Work;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Worklists (E, I8): tasks and alerts across people, for the teams that act on them.</summary>
public static class WorkEndpoints
{
    public static RouteGroupBuilder MapWorkEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/tasks", async (HttpContext http, Worklist worklist, string? status, string? code, string? team, Guid? personId) =>
            Results.Ok((await worklist.TasksAsync(http.User.ToActor(), new WorkFilter(status, code, team, personId), http.RequestAborted))
                .Select(t => new { t.Task.Id, t.Task.PersonId, t.PersonName, t.Task.Code, t.Task.Status, t.Task.DueAt, t.Task.AssignedTo, t.Task.CreatedAt, t.Task.ClosedAt, t.Task.Reason })))
            .WithTags("Work").WithSummary("Tasks: status open|done|overdue (overdue judged against the clock now), code, team, personId. Overdue first, then soonest due.");

        api.MapGet("/alerts", async (HttpContext http, Worklist worklist, string? audience, string? code) =>
            Results.Ok((await worklist.AlertsAsync(http.User.ToActor(), audience, code, http.RequestAborted))
                .Select(a => new { a.Alert.Id, a.Alert.PersonId, a.PersonName, a.Alert.Code, a.Alert.CreatedAt, a.Alert.Audience, a.Alert.Reason })))
            .WithTags("Work").WithSummary("Alerts for an audience (supervisor, control-room, ...), newest first.");
        return api;
    }
}
