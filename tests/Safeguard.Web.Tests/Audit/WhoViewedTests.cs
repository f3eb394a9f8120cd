using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Audit;

/// <summary>Issue 11 point 4: administrators and auditors see "who viewed this record" on the profile and search the
/// log; nobody else does.</summary>
public sealed class WhoViewedTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public WhoViewedTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_auditor_sees_who_viewed_the_child_on_the_profile_and_an_officer_does_not()
    {
        var child = await _api.CreatePersonAsync(A.Child("Yusuf", "Whoviewed").AgedYears(9).Build());
        await _factory.AddUserAsync("pc.nosy", "officer", PageSignIn.Password);
        var officer = PageSignIn.Anonymous(_factory);
        await officer.SubmitAsync("/sign-in", "Sign in", [new("Username", "pc.nosy"), new("Password", PageSignIn.Password)]);
        await officer.GetAsync($"/people?Name=Yusuf%20Whoviewed");
        var (_, officersView) = await officer.GetAsync($"/people/{child}");
        var auditor = await PageSignIn.AsAsync(_factory, "auditor");

        var (status, html) = await auditor.GetAsync($"/people/{child}");
        var (logStatus, _) = await auditor.GetAsync($"/admin/audit?PersonId={child}");
        var auditorApi = await _factory.ApiAsAsync("auditor");
        var officerApi = await _factory.ApiAsAsync("officer");

        Assert.Equal(HttpStatusCode.OK, status);
        var section = WebUtility.HtmlDecode(html[html.IndexOf("id=\"who-viewed\"", StringComparison.Ordinal)..]);
        Assert.Contains("Test pc.nosy (Officer)", section);
        Assert.Contains("Viewed the profile", section);
        Assert.Contains("Searched for people", section);
        Assert.DoesNotContain("who-viewed", officersView);
        Assert.Equal(HttpStatusCode.OK, logStatus);
        Assert.Equal(HttpStatusCode.OK, (await auditorApi.GetJsonAsync($"/api/v1/audit?personId={child}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerApi.GetJsonAsync($"/api/v1/audit?personId={child}")).Status);
    }
}
