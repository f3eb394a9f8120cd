using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Missing;

/// <summary>F1, F2, F4, F5 through the pages, without JavaScript: what the control room sees when reporting a
/// child missing again, and the episode from report to closure.</summary>
public sealed class MissingPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MissingPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string> ChildMissingThreeTimesAsync()
    {
        var child = await _api.CreatePersonAsync(A.Child("Tia", "Pagetest").AgedYears(14).Build());
        string[] at = ["2025-10-01T19:00:00Z", "2026-01-10T19:00:00Z", "2026-02-15T19:00:00Z"];
        for (int i = 0; i < at.Length; i++)
        {
            await _api.ReportAsync($"m{i}", child, at[i]);
            await _api.LocateAsync($"f{i}", $"m{i}", child, DateTimeOffset.Parse(at[i]).AddHours(5).ToString("O"), i == 2 ? "Railway arches" : "Park café", null, "Older boy called Jay");
        }
        return child;
    }

    [Fact]
    public async Task The_report_page_shows_previous_episodes_with_counts_places_and_people_found_with()
    {
        var child = await ChildMissingThreeTimesAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var (status, html) = await page.GetAsync($"/missing/report?personId={child}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong>3</strong> previous episodes in all, <strong>2</strong> in the last 90 days", html);
        Assert.Contains("Railway arches", html);
        Assert.Contains("Older boy called Jay", html);
        Assert.Contains("No trigger plan recorded", html);
    }

    [Fact]
    public async Task An_episode_goes_from_open_to_located_to_closed_through_the_pages()
    {
        var child = await ChildMissingThreeTimesAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var reported = await page.RecordAsync($"/missing/report?personId={child}",
        [
            new("RiskGrade", "low"), new("ReportedBy", "childrens-home"), new("LookedAfter", "yes"), .. DateParts.Of("LastSeenAt", "2026-03-02T07:30"), new("LastSeenLocation", "Home"),
            new("EventId", "page-m4"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Equal("/record/confirmation", reported.Headers.Location!.OriginalString);
        Assert.Contains(">open</strong>", (await page.GetAsync("/missing/page-m4")).Html);

        var located = await page.RecordAsync("/missing/page-m4/locate", [.. DateParts.Of("LocatedAt", "2026-03-02T08:30"), new("FoundLocation", "Railway arches"), new("EventId", "page-f4")]);
        Assert.Equal(HttpStatusCode.Redirect, located.StatusCode);
        var afterFound = (await page.GetAsync("/missing/page-m4")).Html;
        Assert.Contains(">located</strong>", afterFound);
        Assert.Contains("Safe and well check", afterFound);

        var checkedIn = await page.RecordAsync("/missing/page-m4/safe-and-well",
            [new("EventId", "page-sw4"), new("Disclosures", "older-partner"), new("Disclosures", "gifts-money"), new("Narrative", "Found tired; said she had been with an older boyfriend")]);
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        Assert.Contains(">closed</strong>", (await page.GetAsync("/missing/page-m4")).Html);
    }

    [Fact]
    public async Task A_report_submitted_twice_a_minute_apart_is_stored_once_without_an_error()
    {
        var child = await ChildMissingThreeTimesAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");
        var check = await page.ContinueAsync($"/missing/report?personId={child}",
            [new("RiskGrade", "medium"), new("ReportedBy", "parent"), new("LookedAfter", "no"), .. DateParts.Of("LastSeenAt", "2026-03-02T07:30"), new("EventId", "page-twice")]);
        var form = await page.FormOnAsync(check, "Accept and send");

        var first = await form.SubmitAsync();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await form.SubmitAsync(); // the same form sent again, as a browser does on a double click or resend

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, _factory.Db().Events.Count(e => e.Id == "page-twice"));
    }

    [Fact]
    public async Task A_disabled_user_loses_access_at_the_next_request()
    {
        var page = await PageSignIn.AsAsync(_factory, "supervisor");
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/worklist")).Status);
        var (_, users) = await _factory.Api().GetJsonAsync("/api/v1/users");
        var id = users!["items"]!.AsArray().Single(u => u!["username"]!.GetValue<string>() == "supervisor")!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await _factory.Api().PostJsonAsync($"/api/v1/users/{id}/disable", new { reason = "Left the force" })).Status);

        var (status, _) = await page.GetAsync("/worklist");

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task A_report_without_a_grade_is_refused_at_the_grade_and_keeps_what_was_typed()
    {
        var child = await ChildMissingThreeTimesAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var response = await page.ContinueAsync($"/missing/report?personId={child}",
        [
            new("ReportedBy", "parent"), new("LookedAfter", "no"), .. DateParts.Of("LastSeenAt", "2026-03-02T07:30"), new("Circumstances", "Left after an argument"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"RiskGrade-error\"", html);
        Assert.Contains("Left after an argument", html);
    }

    [Fact]
    public async Task The_trigger_plan_page_proposes_places_and_people_from_earlier_episodes_and_records_a_version()
    {
        var child = await ChildMissingThreeTimesAsync();
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (_, form) = await page.GetAsync($"/people/{child}/trigger-plan");
        Assert.Contains("value=\"Railway arches\" checked=\"checked\"", form);
        Assert.Contains("value=\"Older boy called Jay\" checked=\"checked\"", form);

        var saved = await page.SubmitAsync($"/people/{child}/trigger-plan", "Record trigger plan",
            [new("EventId", "plan-page-1"), new("Description", "Tall, red coat"), new("ProposedPlaces", "Railway arches"), new("Phones", "07700 900456\n")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        Assert.Contains(profile!["chronology"]!.AsArray(), e => e!["eventId"]!.GetValue<string>() == "plan-page-1");
        var (_, shown) = await page.GetAsync($"/missing/report?personId={child}");
        Assert.Contains("Tall, red coat", shown);
        Assert.Contains("07700 900456", shown);
    }
}
