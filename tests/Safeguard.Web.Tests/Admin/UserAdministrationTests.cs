using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Admin;

/// <summary>Users are added, disabled, re-roled and given new passwords by administrators through the API,
/// and a change to a signed-in user takes effect at their next request.</summary>
public sealed class UserAdministrationTests : IDisposable
{
    private const string Password = "Correct-horse-battery-9";
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _admin;

    public UserAdministrationTests() => _admin = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<PageSignIn> SignInAsync(string username, string password = Password)
    {
        var session = PageSignIn.Anonymous(_factory);
        var response = await session.SubmitAsync("/sign-in", "Sign in", [new("Username", username), new("Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("sign-in", response.Headers.Location!.OriginalString);
        return session;
    }

    [Fact]
    public async Task An_added_user_signs_in_with_their_first_password_and_the_addition_is_audited()
    {
        var id = await _factory.AddUserAsync("j.okafor", "supervisor", Password);

        var page = await SignInAsync("j.okafor");

        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/worklist")).Status);
        Assert.Contains(_factory.Db().Audit, a => a.Entity == "user" && a.EntityId == id && a.Action == "create" && a.ActorId == "client:bootstrap");
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_at_the_next_request_and_enabling_lets_them_back()
    {
        var id = await _factory.AddUserAsync("k.patel", "supervisor", Password);
        var page = await SignInAsync("k.patel");

        var (disabled, body) = await _admin.PostJsonAsync($"/api/v1/users/{id}/disable", new { reason = "Suspended pending inquiry" });
        var (afterDisable, _) = await page.GetAsync("/worklist");
        await _admin.PostJsonAsync($"/api/v1/users/{id}/enable", new { reason = "Returned to duty" });

        Assert.Equal(HttpStatusCode.OK, disabled);
        Assert.True(body!["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Redirect, afterDisable);
        Assert.Equal(HttpStatusCode.OK, (await (await SignInAsync("k.patel")).GetAsync("/worklist")).Status);
    }

    [Fact]
    public async Task Changing_a_users_role_ends_their_session_and_the_next_sign_in_has_the_new_role()
    {
        var id = await _factory.AddUserAsync("l.evans", "supervisor", Password);
        var page = await SignInAsync("l.evans");
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/worklist")).Status);

        var (changed, body) = await _admin.PostJsonAsync($"/api/v1/users/{id}/role", new { role = "officer" });
        var (afterChange, _) = await page.GetAsync("/worklist");

        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("officer", body!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, afterChange);
        Assert.Contains(_factory.Db().Audit, a => a.EntityId == id && a.Detail == "changed l.evans from supervisor to officer");
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var id = await _factory.AddUserAsync("m.nowak", "officer", Password);

        var (reset, _) = await _admin.PostJsonAsync($"/api/v1/users/{id}/password", new { password = "Another-long-passphrase-2" });

        Assert.Equal(HttpStatusCode.OK, reset);
        var stale = PageSignIn.Anonymous(_factory);
        var refused = await stale.SubmitAsync("/sign-in", "Sign in", [new("Username", "m.nowak"), new("Password", Password)]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await SignInAsync("m.nowak", "Another-long-passphrase-2");
    }

    [Fact]
    public async Task Bad_users_are_refused_field_by_field_and_nothing_is_added()
    {
        await _factory.AddUserAsync("taken.name", "officer", Password);

        var (status, problem) = await _admin.PostJsonAsync("/api/v1/users",
            new { username = "taken.name", displayName = "", role = "chief", team = "no-such-team", password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
        foreach (var field in new[] { "username", "displayName", "role", "team", "password" }) Assert.NotNull(problem["errors"]![field]);
        var (_, list) = await _admin.GetJsonAsync("/api/v1/users");
        Assert.Equal(1, list!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Users_are_listed_a_page_at_a_time_in_username_order()
    {
        foreach (var name in new[] { "c.user", "a.user", "b.user" }) await _factory.AddUserAsync(name, "officer", Password);

        var (_, first) = await _admin.GetJsonAsync("/api/v1/users?page=1&pageSize=2");
        var (_, second) = await _admin.GetJsonAsync("/api/v1/users?page=2&pageSize=2");

        Assert.Equal(["a.user", "b.user"], first!["items"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()));
        Assert.Equal(["c.user"], second!["items"]!.AsArray().Select(u => u!["username"]!.GetValue<string>()));
        Assert.Equal(2, first["pages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Only_administrators_may_manage_users()
    {
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (list, _) = await supervisor.GetJsonAsync("/api/v1/users");
        var (add, _) = await supervisor.PostJsonAsync("/api/v1/users", new { username = "sneaky", displayName = "Sneaky", role = "administrator", password = Password });

        Assert.Equal(HttpStatusCode.Forbidden, list);
        Assert.Equal(HttpStatusCode.Forbidden, add);
    }
}
