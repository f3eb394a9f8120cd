using Safeguard.Core.Calendar;
using Safeguard.Core.Settings;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Settings (E3) and the bank holidays the working-day clock skips (E5). Reading is open to every
/// signed-in client, because the numbers explain the rules' outputs; changing is for administrators.</summary>
public static class SettingsEndpoints
{
    public static RouteGroupBuilder MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/", (SettingsService service, HttpContext http) => service.ListAsync(http.RequestAborted))
            .WithSummary("Every setting: key, area, description, unit, default, range, value in force, whether it is the default, and its source.");
        settings.MapGet("/{key}", (string key, SettingsService service, HttpContext http) => service.GetAsync(key, http.RequestAborted))
            .WithSummary("One setting.");
        settings.MapPut("/{key}", async (string key, HttpContext http, SettingsService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            // Accept 5 or "5": forms and scripts send either.
            var value = body.TryGetProperty("value", out var v) ? v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetRawText() : body.Str("value") : null;
            return Results.Ok(await service.ChangeAsync(http.User.ToActor(), key, value, http.RequestAborted));
        }).RequireAuthorization(SecuritySetup.AdminPolicy).WithSummary("Change a setting (administrators). Out of range answers 400 setting-out-of-range. Takes effect for the next event.");

        var holidays = api.MapGroup("/bank-holidays").WithTags("Settings");
        holidays.MapGet("/", async (BankHolidayService service, HttpContext http) =>
            Results.Ok((await service.ListAsync(http.RequestAborted)).Select(h => new { date = h.Date.ToString("yyyy-MM-dd"), h.Name })))
            .WithSummary("England and Wales bank holidays, oldest first.");
        holidays.MapPost("/", async (HttpContext http, BankHolidayService service) =>
        {
            var body = (await RequestBody.ReadJsonAsync(http)).RequireObject();
            var h = await service.AddAsync(http.User.ToActor(), body.Str("date"), body.Str("name"), http.RequestAborted);
            return Results.Created($"/api/v1/bank-holidays/{h.Date:yyyy-MM-dd}", new { date = h.Date.ToString("yyyy-MM-dd"), h.Name });
        }).RequireAuthorization(SecuritySetup.AdminPolicy).WithSummary("Add a bank holiday (administrators); the same date again answers 409.");
        return api;
    }
}
