using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>P1 hardening: failed sign-ins are counted exactly however many arrive at once, a lock ends after the
/// lockout setting, and sign-ins and API calls are rate limited per address and per account (429, with a plain page
/// for people and a problem body with Retry-After for systems). Runs on SQLite and PostgreSQL.</summary>
public sealed class LockoutAndRateLimitTests
{
    private const string Password = "Lockout-test-password-1";

    [Fact]
    public async Task Parallel_wrong_passwords_are_each_counted_exactly_once()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string> { ["Safeguard:Security:MaxFailedSignIns"] = "100" });
        await factory.AddUserAsync("guessed.user", Roles.Officer, Password);
        const int guesses = 40;

        // Each guess in its own request scope, all at once, as parallel requests would arrive.
        var start = new TaskCompletionSource();
        var attempts = Enumerable.Range(0, guesses).Select(i => Task.Run(async () =>
        {
            await start.Task;
            using var scope = factory.Services.CreateScope();
            var (result, _) = await scope.ServiceProvider.GetRequiredService<Accounts>().SignInAsync("guessed.user", $"wrong-{i}");
            return result;
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        using var db = factory.Db();
        var user = await db.Users.SingleAsync(u => u.Username == "guessed.user");
        Assert.All(results, r => Assert.Equal(Accounts.SignInResult.Failed, r));
        Assert.Equal(guesses, user.FailedSignIns);
        Assert.Null(user.LockedUntil);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_past_the_limit_lock_the_account_once()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string> { ["Safeguard:Security:MaxFailedSignIns"] = "5" });
        await factory.AddUserAsync("guessed.user", Roles.Officer, Password);

        var attempts = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<Accounts>().SignInAsync("guessed.user", $"wrong-{i}")).Result;
        }));
        var results = await Task.WhenAll(attempts);
        using var scope = factory.Services.CreateScope();
        var withTheRightPassword = (await scope.ServiceProvider.GetRequiredService<Accounts>().SignInAsync("guessed.user", Password)).Result;

        Assert.Contains(Accounts.SignInResult.LockedOut, results);
        Assert.Equal(Accounts.SignInResult.LockedOut, withTheRightPassword);
        using var db = factory.Db();
        var user = await db.Users.SingleAsync(u => u.Username == "guessed.user");
        Assert.Equal(factory.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), user.LockedUntil);
    }

    [Fact]
    public async Task A_lock_ends_by_itself_after_the_lockout_setting()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string>
        {
            ["Safeguard:Security:MaxFailedSignIns"] = "3", ["Safeguard:Security:LockoutMinutes"] = "2",
        });
        await factory.AddUserAsync("locked.user", Roles.Officer, Password);
        for (var i = 0; i < 3; i++) await SignInAsync(factory, "locked.user", "not-the-password");

        var whileLocked = await SignInAsync(factory, "locked.user", Password);
        factory.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var afterTwoMinutes = await SignInAsync(factory, "locked.user", Password);

        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Contains("After 3 failed attempts an account is locked for 2 minutes", WebUtility.HtmlDecode(await whileLocked.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, afterTwoMinutes.StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_ins_for_one_username_answer_429_with_a_plain_page_and_other_users_still_sign_in()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string> { ["Safeguard:Security:SignInsPerAccountPerMinute"] = "3" });
        await factory.AddUserAsync("target.user", Roles.Officer, Password);
        await factory.AddUserAsync("other.user", Roles.Officer, Password);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SignInAsync(factory, "target.user", "not-the-password")).StatusCode);

        var fourth = await SignInAsync(factory, "TARGET.user", Password);
        var unknownUsername = await SignInAsync(factory, "nobody.here", "not-the-password");
        var other = await SignInAsync(factory, "other.user", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1));
        var html = await fourth.Content.ReadAsStringAsync();
        Assert.Contains("Too many sign-in attempts", html);
        Assert.DoesNotContain("name=\"Password\"", html);
        Assert.Equal(HttpStatusCode.OK, unknownUsername.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        using var db = factory.Db();
        Assert.Equal(3, (await db.Users.SingleAsync(u => u.Username == "target.user")).FailedSignIns);
    }

    [Fact]
    public async Task Too_many_sign_ins_from_one_address_answer_429_whatever_the_usernames()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string> { ["Safeguard:Security:SignInsPerAddressPerMinute"] = "3" });
        await factory.AddUserAsync("real.user", Roles.Officer, Password);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await SignInAsync(factory, $"someone.{i}", "not-the-password")).StatusCode);

        var fourth = await SignInAsync(factory, "real.user", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.NotNull(fourth.Headers.RetryAfter);
    }

    [Fact]
    public async Task An_api_client_over_its_rate_answers_429_rate_limited_with_retry_after_and_other_clients_carry_on()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string> { ["Safeguard:Security:ApiRequestsPerClientPerMinute"] = "3" });
        var busy = await factory.ApiAsAsync(Roles.Officer);
        var quiet = await factory.ApiAsAsync(Roles.Officer);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetJsonAsync("/api/v1/people?name=Ava")).Status);

        var response = await busy.GetAsync("/api/v1/people?name=Ava");
        var (otherStatus, _) = await quiet.GetJsonAsync("/api/v1/people?name=Ava");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{ProblemCodes.RateLimited}\"", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, otherStatus);
    }

    [Fact]
    public async Task Too_many_refused_tokens_from_one_address_bar_it_for_the_minute_even_with_a_good_token()
    {
        using var factory = new SafeguardFactory(new Dictionary<string, string> { ["Safeguard:Security:FailedTokensPerAddressPerMinute"] = "3" });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Api($"guessed-token-{i}-0123456789").GetJsonAsync("/api/v1/people?name=Ava")).Status);

        var response = await factory.Api().GetAsync("/api/v1/people?name=Ava");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains($"\"code\":\"{ProblemCodes.RateLimited}\"", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private static Task<HttpResponseMessage> SignInAsync(SafeguardFactory factory, string username, string password) =>
        PageSignIn.Anonymous(factory).SubmitAsync("/sign-in", "Sign in", [new("Username", username), new("Password", password)]);
}
