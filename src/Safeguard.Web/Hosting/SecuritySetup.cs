using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Safeguard.Web.Hosting;

/// <summary>Sign-in for people (cookies) and systems (bearer tokens), the access policies, and the
/// secure headers every answer carries.</summary>
public static class SecuritySetup
{
    public const string ApiPolicy = "api";
    public const string PeoplePolicy = "people";
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddSafeguardSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/not-found";
                // A page the role may not use answers 403 where it was asked for, and the status page says so plainly;
                // no redirect, so the address stays the one the user followed.
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Cookie.Name = "safeguard";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(9);
                o.SlidingExpiration = true;
                // A user disabled or given another role, team or organisation loses the old access at their next request, not hours later.
                o.Events.OnValidatePrincipal = async context =>
                {
                    var id = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
                    var role = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value;
                    var db = context.HttpContext.RequestServices.GetRequiredService<Core.Data.SafeguardDb>();
                    var username = id.StartsWith("user:", StringComparison.Ordinal) ? id[5..] : "";
                    var user = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
                        db.Users, u => u.Username == username, context.HttpContext.RequestAborted);
                    var team = context.Principal?.FindFirst(ActorClaims.Team)?.Value;
                    var organisation = context.Principal?.FindFirst(ActorClaims.OrganisationClaim)?.Value;
                    if (user is null || user.Disabled || user.Role != role || user.TeamCode != team || user.OrganisationCode != organisation)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            // The API accepts bearer tokens only: a browser's cookie cannot be used to call it,
            // so cross-site requests cannot ride on a signed-in user's session.
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Core.Organisation.Roles.Administrator))
            .AddPolicy(Api.MeasureEndpoints.MeasuresPolicy, p => p.RequireRole(PageAccess.Measures))
            .AddPolicy(Api.OffenderEndpoints.OffendersPolicy, p => p.RequireRole(Core.Organisation.Roles.SeeOffenders))
            .AddPolicy(Api.OffenderEndpoints.CaseloadsPolicy, p => p.RequireRole(PageAccess.Caseloads))
            .AddPagePolicies();
        services.AddAntiforgery(o => { o.Cookie.Name = "safeguard-csrf"; o.Cookie.SameSite = SameSiteMode.Strict; });
        return services;
    }

    /// <summary>Secure headers (OWASP): a strict content security policy with no inline script, no framing, no sniffing.</summary>
    public static IApplicationBuilder UseSecureHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var h = context.Response.Headers;
        h["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        h["X-Content-Type-Options"] = "nosniff";
        h["X-Frame-Options"] = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!context.Request.Path.StartsWithSegments("/css") && !context.Request.Path.StartsWithSegments("/js") && !context.Request.Path.StartsWithSegments("/assets"))
            h.CacheControl = "no-store";
        await next();
    });
}
