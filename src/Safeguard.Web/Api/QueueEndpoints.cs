using Safeguard.Core.PoliceProtection;
using Safeguard.Core.Queues;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>I3, I4: the digital forensic and charging queues; I7: children in police protection now.</summary>
public static class QueueEndpoints
{
    public static RouteGroupBuilder MapQueueEndpoints(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Queues");
        queues.MapGet("/{queue}", async (string queue, HttpContext http, QueueBoard board, string? status, string? team, int? days, int? page, int? pageSize) =>
            Results.Ok(await board.ReadAsync(http.User.ToActor(), new QueueFilter(queue, status, team, days ?? 90, page ?? 1, pageSize ?? 50), http.RequestAborted)))
            .WithSummary("A queue (forensic: digital forensic requests, I3; charging: charging files, I4), paged. status waiting (default: overdue first, " +
                "then high priority, then oldest), done (finished in the last `days`, default 90) or all. Each item: children, priority (high or standard) " +
                "with its reasons, target days (IN2, IN3), dueAt, overdue. figures: waiting, overdue, longest wait, and of those finished in the period " +
                "the median and longest wait and the percentage within target.");

        api.MapGet("/police-protection/now", async (HttpContext http, PoliceProtectionBoard board) =>
            Results.Ok(await board.NowAsync(http.User.ToActor(), http.RequestAborted)))
            .WithTags("Queues")
            .WithSummary("Children in police protection now (s46, I7), the soonest 72-hour limit first, with the officers and when the local authority was told.");
        return api;
    }
}
