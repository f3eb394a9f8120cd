using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Authenticates API clients by <c>Authorization: Bearer &lt;token&gt;</c> against the stored token hashes.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Accounts accounts) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("Malformed token.");
        var client = await accounts.FindClientAsync(token, Context.RequestAborted);
        if (client is null) return AuthenticateResult.Fail("Unknown token.");
        return AuthenticateResult.Success(new AuthenticationTicket(Accounts.ActorFor(client).ToPrincipal(SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, new Core.Problems.Problem(401, Core.Problems.ProblemCodes.Unauthenticated, "Sign-in required",
            "Send a valid bearer token in the Authorization header."));

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Core.Problems.Problems.Forbidden("Your role may not do this."));
}
