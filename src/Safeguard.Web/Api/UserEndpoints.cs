using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Users who sign in to the browser, for administrators: the same service as the pages under /admin/users.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(SecuritySetup.AdminPolicy);

        users.MapGet("/", async (HttpContext http, UserAdministration service, int? page, int? pageSize) =>
        {
            var result = await service.ListAsync(http.User.ToActor(), page ?? 1, pageSize ?? UserAdministration.DefaultPageSize, http.RequestAborted);
            return Results.Ok(new { items = result.Users, page = result.Page, pageSize = result.PageSize, total = result.Total, pages = result.Pages });
        }).WithSummary("Users in username order, a page at a time (page from 1, pageSize up to 200, default 25).");

        users.MapGet("/{id:guid}", (Guid id, HttpContext http, UserAdministration service) =>
            service.GetAsync(http.User.ToActor(), id, http.RequestAborted)).WithSummary("One user.");

        users.MapPost("/", async (HttpContext http, UserAdministration service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var user = await service.AddAsync(http.User.ToActor(), new NewUser(body.Str("username"), body.Str("displayName"), body.Str("role"),
                body.Str("team"), body.Str("organisation"), body.Str("password")), http.RequestAborted);
            return Results.Created($"/api/v1/users/{user.Id}", user);
        }).WithSummary($"Add a user {{username, displayName, role, team?, organisation?, password}}; the password is at least {UserAdministration.MinPasswordLength} characters. A taken username answers 400.");

        users.MapPost("/{id:guid}/disable", async (Guid id, HttpContext http, UserAdministration service) =>
        {
            var reason = http.Request.ContentLength > 0 ? (await RequestBody.ReadJsonAsync(http)).RequireObject().Str("reason") : null;
            return Results.Ok(await service.SetDisabledAsync(http.User.ToActor(), id, true, reason, http.RequestAborted));
        }).WithSummary("Disable a user: they cannot sign in, and an open session ends at their next request. Optional body {reason}.");

        users.MapPost("/{id:guid}/enable", async (Guid id, HttpContext http, UserAdministration service) =>
        {
            var reason = http.Request.ContentLength > 0 ? (await RequestBody.ReadJsonAsync(http)).RequireObject().Str("reason") : null;
            return Results.Ok(await service.SetDisabledAsync(http.User.ToActor(), id, false, reason, http.RequestAborted));
        }).WithSummary("Enable a disabled user again (and lift any lockout).");

        users.MapPost("/{id:guid}/role", async (Guid id, HttpContext http, UserAdministration service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            return Results.Ok(await service.ChangeRoleAsync(http.User.ToActor(), id, body.Str("role"), body.Str("team"), body.Str("organisation"), http.RequestAborted));
        }).WithSummary("Change a user's role {role, team?, organisation?}; an open session ends at their next request.");

        users.MapPost("/{id:guid}/password", async (Guid id, HttpContext http, UserAdministration service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            return Results.Ok(await service.ResetPasswordAsync(http.User.ToActor(), id, body.Str("password"), http.RequestAborted));
        }).WithSummary("Reset a user's password {password} and lift any lockout.");
        return api;
    }
}
