using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Offenders;

/// <summary>K1–K4 through the pages: registering with check your answers and a confirmation that names the children at the
/// address; the caseload and offender pages; who may open them (P1, Q6). The factory clock stands at 09:00 on 2 March 2026.</summary>
public sealed class OffenderPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public OffenderPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_offender_manager_registers_an_offender_at_a_childs_address_and_the_childs_profile_shows_the_offender()
    {
        var child = await _api.PersonAtAsync("Poppy", "Harbourside", 7, "12 Harbour Terrace", "TQ1 1AA");
        var offender = await _api.CreatePersonAsync(A.Adult("Ronald", "Registered").Build());
        var page = await PageSignIn.AsAsync(_factory, "offender-manager");

        var check = await page.SubmitAsync($"/offenders/register?personId={offender}", "Continue",
        [
            new("EventId", "reg-page"), new("RiskLevel", "very-high"), new("MappaCategory", "1"), new("MappaLevel", "2"), new("Manager", "user:om-page"),
            new("RegisteredAt.Day", "1"), new("RegisteredAt.Month", "3"), new("RegisteredAt.Year", "2026"), new("RegisteredAt.Hour", "10"), new("RegisteredAt.Minute", "00"),
            new("NoFixedAbode", "no"), new("AddressLine1", "12 harbour terr"), new("Town", "Torquay"), new("Postcode", "tq11aa"),
        ]);
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"check-answers\"", checkHtml);
        Assert.Contains("Category 1, level 2", checkHtml);
        var done = await (await page.FormOnAsync(check, "Register offender")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, confirmation) = await page.GetAsync(done.Headers.Location!.ToString());
        Assert.Contains("Offender registered", confirmation);
        Assert.Contains("First home visit due by 1 April 2026 at 10:00", confirmation); // monthly, at the same London time
        Assert.Contains("1 child lives at this address", confirmation);

        var (_, profile) = await page.GetAsync($"/people/{child}");
        Assert.Contains("data-testid=\"linked-offenders\"", profile);
        Assert.Contains("Ronald Registered", profile);
        var (status, offenderPage) = await page.GetAsync($"/offenders/{offender}");
        Assert.True(offenderPage.Contains("Every month"), $"{status}: {offenderPage[Math.Max(0, offenderPage.IndexOf("<main", StringComparison.Ordinal))..]}");
        Assert.Contains("Poppy Harbourside", offenderPage);
    }

    [Fact]
    public async Task A_registration_without_a_mappa_level_is_refused_at_the_field_with_nothing_lost()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Nomappa", "Level").Build());
        var page = await PageSignIn.AsAsync(_factory, "offender-manager");
        var answer = await page.SubmitAsync($"/offenders/register?personId={offender}", "Continue",
        [
            new("RiskLevel", "low"), new("MappaCategory", "1"), new("RegisteredAt.Day", "1"), new("RegisteredAt.Month", "3"), new("RegisteredAt.Year", "2026"),
            new("RegisteredAt.Hour", "10"), new("RegisteredAt.Minute", "00"), new("NoFixedAbode", "no"), new("Notes", "Typed before the mistake"),
        ]);
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Choose the MAPPA level", html);
        Assert.Contains("Typed before the mistake", html);
    }

    [Fact]
    public async Task An_officer_records_seeing_an_offender_and_the_offender_manager_is_told()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Seen", "Nearschool").Build());
        await _api.RegisterAsync("reg-seen", offender, "2026-01-10T10:00:00Z", manager: "user:om-jones");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.SubmitAsync($"/offenders/{offender}/sighting", "Continue",
        [
            new("Kind", "sighting"), new("SeenAt.Day", "2"), new("SeenAt.Month", "3"), new("SeenAt.Year", "2026"), new("SeenAt.Hour", "08"),
            new("SeenAt.Minute", "30"), new("Location", "Outside the primary school"),
        ]);
        Assert.Contains("data-testid=\"check-answers\"", await check.Content.ReadAsStringAsync());
        var done = await (await page.FormOnAsync(check, "Record sighting")).SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/record/confirmation", done.Headers.Location!.OriginalString);
        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?audience=offender-manager:user:om-jones&code=offender-sighting");
        Assert.Contains("Outside the primary school", Assert.Single(alerts!.AsArray())!["reason"]!["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_offender_manager_records_a_home_visit_after_checking_the_answers()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Visited", "Athome").Build());
        await _api.RegisterAsync("reg-visit", offender, "2025-11-01T10:00:00Z", "high");
        var page = await PageSignIn.AsAsync(_factory, "offender-manager");

        var check = await page.SubmitAsync($"/offenders/{offender}/visit", "Continue",
        [
            new("VisitedAt.Day", "2"), new("VisitedAt.Month", "3"), new("VisitedAt.Year", "2026"), new("VisitedAt.Hour", "08"), new("VisitedAt.Minute", "15"),
            new("Notes", "No children at the address"),
        ]);
        var done = await (await page.FormOnAsync(check, "Record home visit")).SubmitAsync();

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, confirmation) = await page.GetAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Home visit recorded", confirmation);
        Assert.Contains("Next home visit due by 2 June 2026 at 08:15", confirmation);
    }

    [Theory]
    [InlineData("officer", "/offenders/caseloads", HttpStatusCode.Forbidden)]
    [InlineData("leader", "/offenders/caseloads", HttpStatusCode.OK)]
    [InlineData("officer", "/offenders", HttpStatusCode.Forbidden)]
    [InlineData("offender-manager", "/offenders", HttpStatusCode.OK)]
    [InlineData("officer", "/offenders/briefings", HttpStatusCode.OK)]
    public async Task Offender_pages_open_for_the_roles_that_use_them(string role, string path, HttpStatusCode expected)
    {
        var page = await PageSignIn.AsAsync(_factory, role);
        Assert.Equal(expected, (await page.GetAsync(path)).Status);
    }

    [Fact]
    public async Task The_caseload_page_lists_the_managers_offenders_overdue_first()
    {
        var late = await _api.CreatePersonAsync(A.Adult("Late", "Visitee").Build());
        var onTime = await _api.CreatePersonAsync(A.Adult("Early", "Visitee").Build());
        var page = await PageSignIn.AsAsync(_factory, "offender-manager");
        await _api.RegisterAsync("reg-ontime", onTime, "2026-02-01T10:00:00Z", "low", manager: "user:offender-manager");
        // Named by display name rather than user id: still their caseload.
        await _api.RegisterAsync("reg-lateone", late, "2025-10-01T10:00:00Z", "very-high", manager: "Test offender-manager");

        var (_, html) = await page.GetAsync("/offenders");
        Assert.Contains("My offender caseload", html);
        Assert.True(html.IndexOf("Late Visitee", StringComparison.Ordinal) < html.IndexOf("Early Visitee", StringComparison.Ordinal));
        Assert.Contains("Overdue", html);
    }
}
