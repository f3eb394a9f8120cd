using System.Text.Json;
using Safeguard.Core.Investigations;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Investigations (I1, I2, B3): lists by team and status, one investigation whole, the allocation advice (each
/// team's caseload against capacity and the team recommended, with why), and the investigations whose supervisory review
/// is due or overdue. Teams' skills and capacity, which administrators change. Opening, allocating, reviewing and closing
/// are events (<c>POST /api/v1/events</c>), checked like every other.</summary>
public static class InvestigationEndpoints
{
    /// <summary>Police roles that read investigations and teams (not partners).</summary>
    public const string InvestigationsPolicy = "investigations";

    public static RouteGroupBuilder MapInvestigationEndpoints(this RouteGroupBuilder api)
    {
        var investigations = api.MapGroup("/investigations").WithTags("Investigations").RequireAuthorization(InvestigationsPolicy);

        investigations.MapGet("/", async (HttpContext http, InvestigationService service, string? team, string? status, int? page, int? pageSize) =>
            Results.Ok(await service.ListAsync(http.User.ToActor(), new InvestigationFilter(team, status, page ?? 1, pageSize ?? 25), http.RequestAborted)))
            .WithSummary("Investigations, newest opened first, paged (page from 1, pageSize up to 200): team (code), status (open, allocated, closed). " +
                "Each with its people, offences, team, last review and when the next supervisory review is due (reviewState: overdue, due, not-due, none).");

        investigations.MapGet("/reviews", async (HttpContext http, InvestigationService service, string? team, int? dueWithinDays) =>
            Results.Ok(await service.ReviewsDueAsync(http.User.ToActor(), team, dueWithinDays ?? 7, http.RequestAborted)))
            .WithSummary("IN1, I2: open investigations whose supervisory review is overdue or due within dueWithinDays (default 7, 0 to 365), " +
                "for one team or all, overdue first. For the supervisor's workbench.");

        investigations.MapGet("/{id}", async (string id, HttpContext http, InvestigationService service) =>
            Results.Ok(await service.GetAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("One investigation: people, offences, team, allocation (and the reason when non-specialist), reviews with what was checked and " +
                "next actions, outcome for the child, history, open review tasks and non-specialist allocation alerts. 404 when not visible.");

        investigations.MapGet("/{id}/allocation", async (string id, HttpContext http, InvestigationService service) =>
            Results.Ok(await service.AdviceAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("I1: the skills the investigation needs (required or helpful, and why), each team that investigates with its caseload " +
                "against capacity and skills, best first, and the team recommended with why in plain words.");

        var teams = api.MapGroup("/teams").WithTags("Teams").RequireAuthorization(InvestigationsPolicy);
        teams.MapGet("/", async (TeamAdministration service, HttpContext http) => Results.Ok(await service.ListAsync(http.RequestAborted)))
            .WithSummary("The force's teams with skills (child-abuse, cse, online-abuse, high-tech-crime), capacity and caseload (open investigations).");
        teams.MapGet("/{code}", async (string code, TeamAdministration service, HttpContext http) => Results.Ok(await service.GetAsync(code, http.RequestAborted)))
            .WithSummary("One team with its skills, capacity and caseload; 404 when there is no such team.");
        teams.MapPut("/{code}", async (string code, HttpContext http, TeamAdministration service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            int? capacity = body.TryGetProperty("capacity", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n
                : body.TryGetProperty("capacity", out _) ? -1 : null;
            return Results.Ok(await service.ChangeAsync(http.User.ToActor(), code, new TeamChange(capacity, body.StrList("skills")), http.RequestAborted));
        }).RequireAuthorization(SecuritySetup.AdminPolicy)
            .WithSummary("Administrators: set a team's capacity (0 to 1000 open investigations) and its whole list of skills. Bad input answers 400; nothing changes.");
        return api;
    }
}
