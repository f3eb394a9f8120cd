using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Sign-in for people (cookies) and systems (bearer tokens), the access policies, the proxy in front,
/// and the secure headers every answer carries (docs/security.md).</summary>
public static class SecuritySetup
{
    public const string ApiPolicy = "api";
    public const string PeoplePolicy = "people";
    public const string AdminPolicy = "admin";

    /// <summary>The cookie claim holding when the user signed in (Unix seconds): the session's absolute lifetime counts from it.</summary>
    public const string SignedInAtClaim = "safeguard:signed-in-at";

    /// <summary>The cookie claim holding <see cref="Accounts.SessionStamp"/> as it was at sign-in.</summary>
    public const string StampClaim = "safeguard:stamp";

    public static IServiceCollection AddSafeguardSecurity(this IServiceCollection services, IHostEnvironment environment)
    {
        // Cookies are Secure everywhere but on a developer's machine, including behind a TLS proxy that speaks plain
        // HTTP to us. The Testing environment follows the request, so that tests over http://localhost keep their cookies.
        var secure = environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SafeguardOptions>>().Value.Security;
            return new SignInPolicy(o.MaxFailedSignIns, TimeSpan.FromMinutes(o.LockoutMinutes));
        });
        services.AddSingleton<SignInThrottle>();

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
                o.Cookie.SecurePolicy = secure;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SafeguardOptions>>((o, options) => o.ExpireTimeSpan = TimeSpan.FromMinutes(options.Value.Security.IdleMinutes));

        services.AddAuthorizationBuilder()
            // The API accepts bearer tokens only: a browser's cookie cannot be used to call it,
            // so cross-site requests cannot ride on a signed-in user's session.
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Api.AuditEndpoints.ReadersPolicy, p => p.RequireRole(PageAccess.AuditReaders))
            .AddPolicy(Api.RetentionEndpoints.ReviewersPolicy, p => p.RequireRole(PageAccess.RetentionReviewers))
            .AddPolicy(Api.SharingEndpoints.PartnerPolicy, p => p.RequireRole(Roles.PartnerPractitioner))
            .AddApiRolePolicies()
            .AddPolicy(Api.MeasureEndpoints.MeasuresPolicy, p => p.RequireRole(PageAccess.Measures))
            .AddPolicy(Api.OffenderEndpoints.OffendersPolicy, p => p.RequireRole(Core.Organisation.Roles.SeeOffenders))
            .AddPolicy(Api.OffenderEndpoints.CaseloadsPolicy, p => p.RequireRole(PageAccess.Caseloads))
            .AddPolicy(Api.InvestigationEndpoints.InvestigationsPolicy, p => p.RequireRole(Core.Organisation.Roles.ReadPeople))
            .AddPolicy(Api.SupervisionEndpoints.WorkbenchPolicy, p => p.RequireRole(PageAccess.Workbench))
            .AddPolicy(Api.CaseAuditEndpoints.ReadersPolicy, p => p.RequireRole(PageAccess.CaseAuditReaders))
            .AddPolicy(Api.CaseAuditEndpoints.AuditorsPolicy, p => p.RequireRole(PageAccess.CaseAuditors))
            .AddPagePolicies();
        // The anti-forgery cookie holds no credential, only half of a form token; it follows the request (Secure over
        // HTTPS, including behind the TLS proxy), because ASP.NET Core refuses to issue it over plain HTTP otherwise.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "safeguard-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SafeguardOptions>>((o, options) => ConfigureProxies(o, options.Value.Security));
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        services.AddApiRateLimits();
        return services;
    }

    /// <summary>The principal a person's session cookie carries: who they are, when they signed in, and the stamp
    /// of what they were granted.</summary>
    public static ClaimsPrincipal SessionPrincipal(User user, DateTimeOffset signedInAt)
    {
        var principal = Accounts.ActorFor(user).ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StampClaim, Accounts.SessionStamp(user)));
        return principal;
    }

    /// <summary>Checked on every request that carries a session cookie. The session ends (signed out, back to the
    /// sign-in page) when it is older than the absolute lifetime, or when the user was disabled, or their password,
    /// role, team or organisation changed since they signed in.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = TimeSpan.FromHours(services.GetRequiredService<IOptions<SafeguardOptions>>().Value.Security.SessionHours);
        var principal = context.Principal;
        var id = principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
        var username = id.StartsWith("user:", StringComparison.Ordinal) ? id[5..] : "";
        var signedInAt = long.TryParse(principal?.FindFirst(SignedInAtClaim)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        var stamp = principal?.FindFirst(StampClaim)?.Value;

        var valid = signedInAt is not null && now - signedInAt.Value < lifetime && signedInAt.Value <= now + TimeSpan.FromMinutes(5) && stamp is not null;
        if (valid)
        {
            var db = services.GetRequiredService<Core.Data.SafeguardDb>();
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, context.HttpContext.RequestAborted);
            valid = user is not null && !user.Disabled && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(Accounts.SessionStamp(user)), System.Text.Encoding.ASCII.GetBytes(stamp!));
        }
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>X-Forwarded-For and X-Forwarded-Proto are believed only from loopback and the configured proxies and networks;
    /// from anyone else they are ignored, so a client cannot pretend to another address or to HTTPS.</summary>
    private static void ConfigureProxies(ForwardedHeadersOptions o, SafeguardOptions.SecurityOptions security)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = null;
        foreach (var proxy in security.KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy.Trim(), out var address))
                throw new OptionsValidationException(nameof(SafeguardOptions.SecurityOptions.KnownProxies), typeof(SafeguardOptions),
                    [$"Safeguard:Security:KnownProxies holds '{proxy}', which is not an IP address."]);
            o.KnownProxies.Add(address);
        }
        foreach (var network in security.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network.Trim(), out var parsed))
                throw new OptionsValidationException(nameof(SafeguardOptions.SecurityOptions.KnownNetworks), typeof(SafeguardOptions),
                    [$"Safeguard:Security:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/24."]);
            o.KnownIPNetworks.Add(parsed);
        }
    }

    private const string NonceKey = "safeguard:csp-nonce";

    /// <summary>This request's content-security-policy nonce: an inline script or style runs only if it carries it.</summary>
    public static string CspNonce(this HttpContext context) => context.Items[NonceKey] as string ?? "";

    /// <summary>Secure headers (OWASP): a strict content security policy (scripts and styles from this site, or inline
    /// only with this request's nonce), no framing, no sniffing, no referrer (addresses may carry a searched name).</summary>
    public static IApplicationBuilder UseSecureHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // base64url without padding: a valid CSP nonce that HTML encoding leaves alone ("+" and "=" would reach the page
        // as character references, which browsers decode but which made the page and the header differ as text).
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        context.Items[NonceKey] = nonce;
        var h = context.Response.Headers;
        h["Content-Security-Policy"] = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
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
