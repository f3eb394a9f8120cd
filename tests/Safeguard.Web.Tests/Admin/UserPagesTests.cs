using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Admin;

/// <summary>The administrator's pages under /admin/users: add a user, then disable them, each confirmed with a banner.</summary>
public sealed class UserPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_administrator_adds_a_user_on_the_page_and_sees_them_listed_with_a_banner()
    {
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var added = await admin.SubmitAsync("/admin/users/new", "Add user",
        [
            new("Username", "s.begum"), new("DisplayName", "Sana Begum"), new("Role", "investigator"), new("Password", "Sana-first-password-1"),
        ]);
        var (_, list) = await admin.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/users", added.Headers.Location!.OriginalString);
        Assert.Contains("Sana Begum added as s.begum (Investigator)", list);
        Assert.Contains("s.begum", list);
    }

    [Fact]
    public async Task A_refused_user_shows_the_errors_at_the_fields_and_keeps_what_was_typed()
    {
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var refused = await admin.SubmitAsync("/admin/users/new", "Add user",
        [
            new("Username", "t.short"), new("DisplayName", "Tom Short"), new("Role", "officer"), new("Password", "short"),
        ]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("The password must be at least 12 characters.", html);
        Assert.Contains("value=\"Tom Short\"", html);
        var (_, users) = await _factory.Api().GetJsonAsync("/api/v1/users");
        Assert.DoesNotContain(users!["items"]!.AsArray(), u => u!["username"]!.GetValue<string>() == "t.short");
    }

    [Fact]
    public async Task Disabling_on_the_page_is_confirmed_and_audited_with_the_reason()
    {
        var id = await _factory.AddUserAsync("d.user", "officer", "Officer-password-123");
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var disabled = await admin.SubmitAsync($"/admin/users/{id}", "Disable d.user", [new("Reason", "Left the force")]);
        var (_, page) = await admin.GetAsync($"/admin/users/{id}");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Test d.user disabled", page);
        Assert.Contains("Disabled: cannot sign in", page);
        Assert.Contains(_factory.Db().Audit, a => a.EntityId == id && a.Detail == "disabled d.user" && a.Reason == "Left the force");
    }

    [Fact]
    public async Task The_user_pages_are_for_administrators_only()
    {
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, html) = await supervisor.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You do not have access to this page", html);
    }
}
