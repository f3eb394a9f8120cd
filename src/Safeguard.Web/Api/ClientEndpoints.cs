using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>API clients (the systems that call the API), for administrators: the same service as the page under
/// /admin/clients and the <c>safeguard token</c> command. A token is shown once, in the answer that issues it.</summary>
public static class ClientEndpoints
{
    public static RouteGroupBuilder MapClientEndpoints(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("API clients").RequireAuthorization(SecuritySetup.AdminPolicy);

        clients.MapGet("/", async (HttpContext http, ApiClients service) =>
            Results.Ok(new { items = await service.ListAsync(http.User.ToActor(), http.RequestAborted) }))
            .WithSummary("Every API client, live ones first, newest first; never a token.");

        clients.MapPost("/", async (HttpContext http, ApiClients service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var issued = await service.IssueAsync(http.User.ToActor(), body.Str("name"), body.Str("role"), body.Str("team"), body.Str("organisation"),
                http.RequestAborted);
            return Results.Created($"/api/v1/clients/{issued.Client.Id}", new
            {
                id = issued.Client.Id, name = issued.Client.Name, role = issued.Client.Role, team = issued.Client.Team,
                organisation = issued.Client.Organisation, createdAt = issued.Client.CreatedAt, token = issued.Token,
            });
        }).WithSummary("Issue a token to a new client {name, role, team?, organisation?}: 201 with the token, shown this once and stored only as a hash.");

        clients.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ApiClients service) =>
            Results.Ok(await service.RevokeAsync(http.User.ToActor(), id, http.RequestAborted)))
            .WithSummary("Revoke a client's token: its next request is refused (401). Revoking twice is harmless.");
        return api;
    }
}
