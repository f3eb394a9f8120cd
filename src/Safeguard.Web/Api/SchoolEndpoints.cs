using System.Globalization;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Schools with their Operation Encompass key adults, and the school term dates per local authority (DA4, H2).
/// Reading is open to every signed-in client (a notification names the school and key adult); changing is for administrators.</summary>
public static class SchoolEndpoints
{
    public static RouteGroupBuilder MapSchoolEndpoints(this RouteGroupBuilder api)
    {
        var schools = api.MapGroup("/schools").WithTags("Schools");
        schools.MapGet("/", async (SchoolService service, HttpContext http) => (await service.ListAsync(http.RequestAborted)).Select(View))
            .WithSummary("Schools: code, name, local authority, key adult's name and contact, version.");
        schools.MapGet("/{code}", async (string code, SchoolService service, HttpContext http) =>
            Results.Ok(View(await service.FindAsync(code, http.RequestAborted)
                ?? throw new Core.Problems.ProblemException(Core.Problems.Problems.NotFound("school")))))
            .WithSummary("One school; 404 when not held.");
        schools.MapPost("/", async (HttpContext http, SchoolService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var s = await service.AddAsync(http.User.ToActor(), Input(body, body.Str("code")), http.RequestAborted);
            return Results.Created($"/api/v1/schools/{s.Code}", View(s));
        }).RequireAuthorization(SecuritySetup.AdminPolicy)
            .WithSummary("Add a school (administrators): {code, name, localAuthority, keyAdultName, keyAdultContact}; a code already held answers 409 school-exists.");
        schools.MapPut("/{code}", async (string code, HttpContext http, SchoolService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var s = await service.ChangeAsync(http.User.ToActor(), code, Input(body, code), body.ExpectedVersion(), http.RequestAborted);
            return Results.Ok(View(s));
        }).RequireAuthorization(SecuritySetup.AdminPolicy)
            .WithSummary("Change a school (administrators): {name, localAuthority, keyAdultName, keyAdultContact, expectedVersion?}; an older version answers 409 stale-version.");

        var terms = api.MapGroup("/school-terms").WithTags("Schools");
        terms.MapGet("/", async (string? localAuthority, SchoolService service, HttpContext http) =>
            (await service.TermsAsync(localAuthority, http.RequestAborted)).Select(TermView))
            .WithSummary("School terms (school days are their weekdays that are not bank holidays), by local authority then start date.");
        terms.MapPost("/", async (HttpContext http, SchoolService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var t = await service.AddTermAsync(http.User.ToActor(), body.Str("localAuthority"), body.Str("name"), body.Str("startDate"), body.Str("endDate"), http.RequestAborted);
            return Results.Created($"/api/v1/school-terms/{t.Id}", TermView(t));
        }).RequireAuthorization(SecuritySetup.AdminPolicy)
            .WithSummary("Add a term (administrators): {localAuthority, name, startDate, endDate}; overlapping another term of the same local authority answers 409 school-term-overlaps.");
        terms.MapDelete("/{id:guid}", async (Guid id, HttpContext http, SchoolService service) =>
        {
            await service.RemoveTermAsync(http.User.ToActor(), id, http.RequestAborted);
            return Results.NoContent();
        }).RequireAuthorization(SecuritySetup.AdminPolicy).WithSummary("Remove a term entered in error (administrators).");
        return api;
    }

    private static SchoolInput Input(System.Text.Json.JsonElement body, string? code) =>
        new(code, body.Str("name"), body.Str("localAuthority"), body.Str("keyAdultName"), body.Str("keyAdultContact"));

    private static object View(School s) => new { s.Code, s.Name, s.LocalAuthority, s.KeyAdultName, s.KeyAdultContact, s.Version };

    private static object TermView(SchoolTerm t) => new
    {
        t.Id, t.LocalAuthority, t.Name, startDate = t.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        endDate = t.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
