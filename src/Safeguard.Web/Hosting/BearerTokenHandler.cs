using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Authenticates API clients by <c>Authorization: Bearer &lt;token&gt;</c> against the stored token hashes.
/// The bootstrap client counts only while the setting (read afresh each time) still holds its token. Refused tokens
/// are counted per address; an address over the limit is answered 429 without its token being looked up.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Accounts accounts, IOptionsMonitor<SafeguardOptions> settings, SignInThrottle throttle) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private TimeSpan? _barredFor;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var address = Context.Connection.RemoteIpAddress?.ToString();
        _barredFor = throttle.TokensBarred(address);
        if (_barredFor is not null) return AuthenticateResult.Fail("Too many refused tokens from this address.");
        var token = header["Bearer ".Length..].Trim();
        var client = token.Length is 0 or > 200 ? null : await accounts.FindClientAsync(token, Context.RequestAborted);
        if (client is null || !Accounts.IsCurrent(client, settings.CurrentValue.BootstrapToken))
        {
            throttle.TokenRefused(address);
            return AuthenticateResult.Fail("Unknown token.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(Accounts.ActorFor(client).ToPrincipal(SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_barredFor is { } wait)
        {
            var seconds = Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.WriteAsync(Context, new Core.Problems.Problem(429, Core.Problems.ProblemCodes.RateLimited, "Too many requests",
                $"Too many refused tokens came from this address; wait {seconds:0} seconds and try again."));
        }
        return Problems.WriteAsync(Context, new Core.Problems.Problem(401, Core.Problems.ProblemCodes.Unauthenticated, "Sign-in required",
            "Send a valid bearer token in the Authorization header."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Core.Problems.Problems.Forbidden("Your role may not do this."));
}
