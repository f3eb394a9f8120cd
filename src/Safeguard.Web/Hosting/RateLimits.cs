using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Safeguard.Web.Hosting;

/// <summary>Guessing limited (fixed one-minute windows, settings in <c>Safeguard:Security</c>): sign-in attempts per
/// client address and per username, and refused bearer tokens per address. Together with the lockout that ends by
/// itself, a stranger can neither guess passwords or tokens quickly nor keep someone else's account locked for long.
/// Unknown usernames are limited exactly like known ones, so the limit reveals nothing either.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byAccount;
    private readonly PartitionedRateLimiter<string> _failedTokens;

    public SignInThrottle(IOptions<SafeguardOptions> options)
    {
        var security = options.Value.Security;
        _byAddress = PerMinute(security.SignInsPerAddressPerMinute);
        _byAccount = PerMinute(security.SignInsPerAccountPerMinute);
        _failedTokens = PerMinute(security.FailedTokensPerAddressPerMinute);
    }

    /// <summary>Takes one attempt for this address and this username; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryAttempt(string? address, string? username)
    {
        using var byAddress = _byAddress.AttemptAcquire(address ?? "unknown");
        if (!byAddress.IsAcquired) return RetryAfter(byAddress);
        using var byAccount = _byAccount.AttemptAcquire((username ?? "").Trim().ToLowerInvariant());
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    /// <summary>Whether this address has used up its refused tokens for now (checked before a token is looked up),
    /// and how long until it may try again.</summary>
    public TimeSpan? TokensBarred(string? address)
    {
        using var probe = _failedTokens.AttemptAcquire(address ?? "unknown", permitCount: 0);
        return probe.IsAcquired ? null : RetryAfter(probe);
    }

    /// <summary>Counts one refused token against the address.</summary>
    public void TokenRefused(string? address)
    {
        using var _ = _failedTokens.AttemptAcquire(address ?? "unknown");
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);

    internal static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _byAddress.Dispose();
        _byAccount.Dispose();
        _failedTokens.Dispose();
    }
}

/// <summary>The API's rate limit per API client, with ASP.NET Core's rate limiter (it runs after authorisation, so
/// once the client's token is accepted; refused tokens are limited per address by <see cref="SignInThrottle"/>).
/// A refusal is 429 <c>rate-limited</c> with a problem body and <c>Retry-After</c>.</summary>
public static class ApiRateLimits
{
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SafeguardOptions>>((o, options) =>
        {
            var security = options.Value.Security;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                // Runs after authorisation: on the API, a user here holds an accepted token.
                if (!context.Request.Path.StartsWithSegments("/api") || context.User.Identity?.IsAuthenticated != true)
                    return RateLimitPartition.GetNoLimiter("");
                return Window(context.User.ToActor().Id, security.ApiRequestsPerClientPerMinute);
            });
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero ? retry : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Problems.WriteAsync(context.HttpContext, new Core.Problems.Problem(429, Core.Problems.ProblemCodes.RateLimited,
                    "Too many requests", $"This client has sent too many requests; wait {Math.Ceiling(wait.TotalSeconds):0} seconds and try again.")));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });
}
