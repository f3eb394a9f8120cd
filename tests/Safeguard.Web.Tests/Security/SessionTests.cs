using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>P1 hardening: a session lasts at most the absolute lifetime however busy, and ends at the next click once
/// the user's password, role, team or organisation changes.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly SafeguardFactory _factory = new(new Dictionary<string, string> { ["Safeguard:Security:SessionHours"] = "12" });
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_session_ends_after_the_absolute_lifetime_however_busy_the_user_is()
    {
        var officer = await PageSignIn.AsAsync(_factory, Roles.Officer);
        var during = new List<HttpStatusCode>();
        for (var hour = 1; hour < 12; hour++)
        {
            _factory.Clock.Advance(TimeSpan.FromHours(1));
            during.Add((await officer.GetAsync("/")).Status);
        }

        _factory.Clock.Advance(TimeSpan.FromHours(1));
        var response = await officer.Client.GetAsync("/");

        Assert.All(during, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task Resetting_a_password_ends_the_users_open_session_at_the_next_click_and_leaves_others_signed_in()
    {
        var officer = await PageSignIn.AsAsync(_factory, Roles.Officer);
        var colleague = await PageSignIn.AsAsync(_factory, Roles.Investigator);
        var before = await officer.GetAsync("/");

        var (status, _) = await _factory.Api().PostJsonAsync($"/api/v1/users/{await IdOfAsync(Roles.Officer)}/password", new { password = "A-brand-new-password-2" });
        var after = await officer.Client.GetAsync("/");
        var colleagueAfter = await colleague.GetAsync("/");
        var again = await officer.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, colleagueAfter.Status);
    }

    [Fact]
    public async Task Changing_a_role_ends_the_users_open_session_at_the_next_click()
    {
        var officer = await PageSignIn.AsAsync(_factory, Roles.Officer);

        var (status, _) = await _factory.Api().PostJsonAsync($"/api/v1/users/{await IdOfAsync(Roles.Officer)}/role", new { role = Roles.Investigator });
        var after = await officer.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_session_cookie_is_http_only_and_same_site_strict()
    {
        var session = PageSignIn.Anonymous(_factory);
        await _factory.AddUserAsync("cookie.user", Roles.Officer, PageSignIn.Password);

        var response = await session.SubmitAsync("/sign-in", "Sign in", [new("Username", "cookie.user"), new("Password", PageSignIn.Password)]);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("safeguard=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    private async Task<Guid> IdOfAsync(string username)
    {
        using var db = _factory.Db();
        return (await db.Users.SingleAsync(u => u.Username == username)).Id;
    }
}
