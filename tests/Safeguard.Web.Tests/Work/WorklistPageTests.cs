using System.Net;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Work;

/// <summary>The worklist page and the administrator's settings pages, signed in with a cookie.</summary>
public sealed class WorklistPageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public WorklistPageTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_worklist_shows_overdue_tasks_first_with_the_child_and_the_explanation()
    {
        var child = await _api.CreatePersonAsync(A.Child("Nia", "Listtest").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-02-20T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-02-21T02:00:00Z", "Bus station"); // safe-and-well overdue, return interview overdue
        await _api.ReportAsync("m2", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f2", "m2", child, "2026-03-02T02:00:00Z", "Bus station"); // both still open
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, html) = await page.GetAsync("/worklist?Team=all&Status=all&Audience=all");

        Assert.Equal(HttpStatusCode.OK, status);
        var overdue = html.IndexOf(">overdue</strong>", StringComparison.Ordinal);
        var open = html.IndexOf(">open</strong>", StringComparison.Ordinal);
        Assert.True(overdue > 0 && open > overdue, "overdue tasks come before open ones");
        Assert.Contains($"href=\"/people/{child}\">Nia Listtest", html);
        Assert.Contains("safe-and-well", html);
    }

    [Fact]
    public async Task Settings_pages_are_for_administrators_and_a_change_out_of_range_shows_at_the_field()
    {
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var (deniedStatus, deniedPage) = await supervisor.GetAsync("/admin/settings");
        var (ok, list) = await admin.GetAsync("/admin/settings");
        var bad = await admin.SubmitAsync("/admin/settings/MI5.repeatMissingEpisodes", "Save", [new("Value", "1")]);
        var good = await admin.SubmitAsync("/admin/settings/MI5.repeatMissingEpisodes", "Save", [new("Value", "4")]);

        // A supervisor is told plainly the page is not for their role, and sees no settings.
        Assert.Equal(HttpStatusCode.Forbidden, deniedStatus);
        Assert.Contains("You do not have access to this page", deniedPage);
        Assert.DoesNotContain("Missing children", deniedPage);
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("Missing children", list);
        Assert.Contains("id=\"Value-error\"", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (_, settings) = await _api.GetJsonAsync("/api/v1/settings/MI5.repeatMissingEpisodes");
        Assert.Equal(4, settings!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_administrator_adds_a_bank_holiday_on_the_page()
    {
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var added = await admin.SubmitAsync("/admin/bank-holidays", "Add", [new("Date", "2032-06-07"), new("Name", "Extra day")]);
        var (_, html) = await admin.GetAsync("/admin/bank-holidays");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Extra day", html);
    }
}
