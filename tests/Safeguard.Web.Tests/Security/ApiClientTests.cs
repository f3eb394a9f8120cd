using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>Issue 11 point 3: administrators issue and revoke a token per system, through the API and the admin page,
/// each with its own role, team or organisation; tokens are shown once and stored hashed; the bootstrap client
/// exists only while the setting holds its token.</summary>
public sealed class ApiClientTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_administrator_issues_a_token_through_the_api_that_acts_with_its_own_role_until_revoked()
    {
        var (status, issued) = await _factory.Api().PostJsonAsync("/api/v1/clients", new { name = "children-services-portal", role = Roles.Officer });
        var token = issued!["token"]!.GetValue<string>();
        var id = issued["id"]!.GetValue<string>();
        var system = _factory.Api(token);

        var (searchStatus, _) = await system.GetJsonAsync("/api/v1/people?name=Ava");
        var (usersStatus, _) = await system.GetJsonAsync("/api/v1/users");
        var (_, list) = await _factory.Api().GetJsonAsync("/api/v1/clients");
        var (revokeStatus, revoked) = await _factory.Api().DeleteJsonAsync($"/api/v1/clients/{id}");
        var (afterStatus, _) = await system.GetJsonAsync("/api/v1/people?name=Ava");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(43, token.Length);
        Assert.Equal(HttpStatusCode.OK, searchStatus);
        Assert.Equal(HttpStatusCode.Forbidden, usersStatus);
        var listed = list!["items"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("officer", listed["role"]!.GetValue<string>());
        Assert.DoesNotContain(token, list.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, revokeStatus);
        Assert.True(revoked!["revoked"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, afterStatus);
        using var db = _factory.Db();
        var stored = await db.ApiClients.SingleAsync(c => c.Id == Guid.Parse(id));
        Assert.Equal(Accounts.HashToken(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
    }

    [Fact]
    public async Task A_partner_client_is_issued_with_its_organisation_and_acts_as_it()
    {
        var organisation = await AnOrganisationAsync();
        var (status, issued) = await _factory.Api().PostJsonAsync("/api/v1/clients",
            new { name = "health-visiting", role = Roles.PartnerPractitioner, organisation });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(organisation, issued!["organisation"]!.GetValue<string>());
        using var db = _factory.Db();
        Assert.Equal(organisation, (await db.ApiClients.SingleAsync(c => c.Name == "health-visiting")).OrganisationCode);
    }

    [Fact]
    public async Task Only_administrators_issue_list_or_revoke_tokens()
    {
        var officer = await _factory.ApiAsAsync(Roles.Officer);
        var (issueStatus, _) = await officer.PostJsonAsync("/api/v1/clients", new { name = "sneaky", role = Roles.Administrator });
        var (listStatus, _) = await officer.GetJsonAsync("/api/v1/clients");
        var (revokeStatus, _) = await officer.DeleteJsonAsync($"/api/v1/clients/{Guid.NewGuid()}");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { issueStatus, listStatus, revokeStatus });
        using var db = _factory.Db();
        Assert.False(await db.ApiClients.AnyAsync(c => c.Name == "sneaky"));
    }

    [Theory]
    [InlineData("bootstrap", "officer", "name")]
    [InlineData("", "officer", "name")]
    [InlineData("a-system", "chief-constable", "role")]
    public async Task A_bad_client_is_refused_with_the_field_named_and_nothing_issued(string name, string role, string field)
    {
        var (status, body) = await _factory.Api().PostJsonAsync("/api/v1/clients", new { name, role });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
        Assert.NotNull(body["errors"]![field]);
        using var db = _factory.Db();
        Assert.Equal(1, await db.ApiClients.CountAsync());
    }

    [Fact]
    public async Task Changing_the_bootstrap_setting_shuts_the_old_token_out_at_once()
    {
        var before = await _factory.Api().GetJsonAsync("/api/v1/users");

        SetBootstrapToken("a-completely-different-bootstrap-token");
        var oldToken = await _factory.Api().GetJsonAsync("/api/v1/users");
        SetBootstrapToken(null);
        var removed = await _factory.Api().GetJsonAsync("/api/v1/users");
        SetBootstrapToken(SafeguardFactory.AdminToken);
        var restored = await _factory.Api().GetJsonAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, oldToken.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, removed.Status);
        Assert.Equal(HttpStatusCode.OK, restored.Status);
    }

    [Fact]
    public async Task At_start_up_a_changed_or_removed_setting_revokes_the_old_bootstrap_client_and_a_new_token_gets_its_own()
    {
        await SyncAsync("a-new-bootstrap-token-0123456789");
        using (var db = _factory.Db())
        {
            var bootstrap = await db.ApiClients.Where(c => c.Name == Accounts.BootstrapClientName).ToListAsync();
            Assert.Equal(2, bootstrap.Count);
            Assert.NotNull(bootstrap.Single(c => c.TokenHash == Accounts.HashToken(SafeguardFactory.AdminToken)).RevokedAt);
            Assert.Null(bootstrap.Single(c => c.TokenHash == Accounts.HashToken("a-new-bootstrap-token-0123456789")).RevokedAt);
        }

        await SyncAsync(null);
        using (var db = _factory.Db())
        {
            Assert.False(await db.ApiClients.AnyAsync(c => c.Name == Accounts.BootstrapClientName && c.RevokedAt == null));
            Assert.Equal(2, await db.Audit.CountAsync(a => a.Entity == "api-client" && a.Detail!.StartsWith("revoked the bootstrap token")));
        }
    }

    [Fact]
    public async Task An_administrator_issues_a_token_on_the_admin_page_sees_it_once_and_revokes_it_there()
    {
        var admin = await PageSignIn.AsAsync(_factory, Roles.Administrator);

        var issued = await admin.SubmitAsync("/admin/clients/new", "Issue token", [new("Name", "school-portal"), new("Role", Roles.Officer)]);
        var html = await issued.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"token\">([^<]+)<").Groups[1].Value;
        var works = await _factory.Api(token).GetJsonAsync("/api/v1/people?name=Ava");
        var (_, listHtml) = await admin.GetAsync("/admin/clients");
        var revoke = await admin.SubmitAsync("/admin/clients", FormPick.Action($"/admin/clients?id={await IdOfAsync("school-portal")}&handler=revoke"));
        var afterwards = await _factory.Api(token).GetJsonAsync("/api/v1/people?name=Ava");

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        Assert.Contains("Copy the token now", html);
        Assert.Equal(43, token.Length);
        Assert.Equal(HttpStatusCode.OK, works.Status);
        Assert.Contains("school-portal", listHtml);
        Assert.DoesNotContain(token, listHtml);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.Status);
    }

    [Fact]
    public async Task A_refused_token_form_shows_the_error_at_the_field_and_issues_nothing()
    {
        var admin = await PageSignIn.AsAsync(_factory, Roles.Administrator);

        var response = await admin.SubmitAsync("/admin/clients/new", "Issue token", [new("Name", "bootstrap"), new("Role", Roles.Officer)]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Name\"", html);
        Assert.DoesNotContain("data-testid=\"token\"", html);
        using var db = _factory.Db();
        Assert.Equal(1, await db.ApiClients.CountAsync());
    }

    private async Task<Guid> IdOfAsync(string client)
    {
        using var db = _factory.Db();
        return (await db.ApiClients.SingleAsync(c => c.Name == client)).Id;
    }

    private void SetBootstrapToken(string? token)
    {
        var configuration = (IConfigurationRoot)_factory.Services.GetRequiredService<IConfiguration>();
        configuration["Safeguard:BootstrapToken"] = token;
        configuration.Reload();
    }

    private async Task SyncAsync(string? token)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Accounts>().SyncBootstrapClientAsync(token);
    }

    private async Task<string> AnOrganisationAsync()
    {
        using var db = _factory.Db();
        var existing = await db.Organisations.Select(o => o.Code).FirstOrDefaultAsync();
        if (existing is not null) return existing;
        db.Organisations.Add(new PartnerOrganisation { Code = "HV1", Name = "Testshire health visiting", Kind = "health" });
        await db.SaveChangesAsync();
        return "HV1";
    }
}
