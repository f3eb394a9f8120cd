using Safeguard.Core.Offenders;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Offender management (K1–K4): caseloads with visits due, one offender's management, and the caseload measure
/// against SO4 (K2). Recording is through <c>POST /api/v1/events</c> like everything else.</summary>
public static class OffenderEndpoints
{
    /// <summary>Police roles that may read the register (not partners).</summary>
    public const string OffendersPolicy = "offenders";

    /// <summary>Those who see caseloads against SO4: leaders, supervisors, offender managers, auditors, administrators.</summary>
    public const string CaseloadsPolicy = "offender-caseloads";

    public static RouteGroupBuilder MapOffenderEndpoints(this RouteGroupBuilder api)
    {
        var offenders = api.MapGroup("/offenders").WithTags("Offenders").RequireAuthorization(OffendersPolicy);

        offenders.MapGet("/", async (HttpContext http, OffenderManagement service, bool? mine, string? manager, bool? overdue) =>
            Results.Ok(await service.ListAsync(http.User.ToActor(), mine ?? false, manager, overdue ?? false, http.RequestAborted)))
            .WithSummary("Registered sex offenders with their next home visit and notification due (K1), overdue visits first. mine=true: the caller's " +
                "own caseload (offenderManager is their user id, user name or name); manager: a named manager's; overdue=true: overdue visits only.");

        offenders.MapGet("/{id:guid}", async (Guid id, HttpContext http, OffenderManagement service) =>
            Results.Ok(await service.GetAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("One offender's management: risk, MAPPA, manager, plan and visit frequency, tasks due, visits, notifications, briefings " +
                "and their acknowledgement, sightings, and alerts about children (K1, K3, K4). 404 when not visible or not registered.");

        api.MapGet("/measures/offender-caseloads", async (HttpContext http, OffenderManagement service) =>
            Results.Ok(await service.CaseloadsAsync(http.User.ToActor(), http.RequestAborted)))
            .RequireAuthorization(CaseloadsPolicy).WithTags("Measures")
            .WithSummary("K2, SO4: offenders per offender manager and per unit against SO4.caseloadPerManager, units over it first, with overdue visits.");
        return api;
    }
}
