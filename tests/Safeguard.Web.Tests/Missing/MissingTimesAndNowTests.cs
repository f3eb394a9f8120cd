using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Missing;

/// <summary>Issue 8: times that make sense on the missing pages and through the API (found before last seen,
/// a check or interview before the child was found, the future, before birth), the GOV.UK date input's
/// messages, and the control room's list of children missing now. The test clock reads 2 March 2026 09:00 (UK = UTC).</summary>
public sealed class MissingTimesAndNowTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MissingTimesAndNowTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string> ChildReportedAsync(string missingId, string lastSeen = "2026-03-02T07:00:00Z", string forename = "Lena", string surname = "Timecheck")
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, surname).AgedYears(14).Build());
        await _api.ReportAsync(missingId, child, lastSeen);
        return child;
    }

    [Fact]
    public async Task A_date_without_a_month_is_refused_at_the_field_with_the_gov_uk_message_and_nothing_is_stored()
    {
        var child = await _api.CreatePersonAsync(A.Child("Mia", "Nomonth").AgedYears(13).Build());
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var response = await page.ContinueAsync($"/missing/report?personId={child}",
        [
            new("RiskGrade", "medium"), new("ReportedBy", "parent"), new("LookedAfter", "no"), new("EventId", "no-month"),
            new("LastSeenAt.Day", "2"), new("LastSeenAt.Month", ""), new("LastSeenAt.Year", "2026"), new("LastSeenAt.Hour", "07"), new("LastSeenAt.Minute", "30"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The date and time the child was last seen must include a month", html);
        Assert.Contains("href=\"#LastSeenAt\"", html); // the error summary lands on the month, the part in error
        Assert.Contains("id=\"LastSeenAt\" name=\"LastSeenAt.Month\"", html);
        var (status, _) = await _api.GetJsonAsync("/api/v1/events/no-month");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Found_before_last_seen_is_refused_on_the_page_at_the_found_time_naming_when_the_child_was_last_seen()
    {
        await ChildReportedAsync("seq-m1");
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var response = await page.RecordAsync("/missing/seq-m1/locate",
            [.. DateParts.Of("LocatedAt", "2026-03-02T06:15"), new("FoundLocation", "Bus station"), new("EventId", "seq-f1")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"LocatedAt-error\"", html);
        Assert.Contains("The time the child was found must be after they were last seen (2 March 2026 at 07:00)", html);
        Assert.Contains(">open</strong>", (await page.GetAsync("/missing/seq-m1")).Html);
    }

    [Fact]
    public async Task The_api_refuses_found_before_last_seen_with_impossible_sequence_at_the_field()
    {
        var child = await ChildReportedAsync("seq-m2");

        var (status, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "seq-f2", type = "missing-located", occurredAt = "2026-03-02T06:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = "seq-m2", locatedAt = "2026-03-02T06:00:00Z" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("impossible-sequence", body!["code"]!.GetValue<string>());
        Assert.NotNull(body["errors"]!["data.locatedAt"]);
    }

    [Fact]
    public async Task A_safe_and_well_check_before_the_child_was_found_is_refused_and_one_after_is_stored()
    {
        var child = await ChildReportedAsync("seq-m3");
        await _api.LocateAsync("seq-f3", "seq-m3", child, "2026-03-02T08:00:00Z", "Park");

        var (before, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "seq-sw3", type = "safe-and-well-check", occurredAt = "2026-03-02T07:30:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = "seq-m3" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, before);
        Assert.Equal("impossible-sequence", body!["code"]!.GetValue<string>());
        Assert.Contains("after the child was found (2 March 2026 at 08:00)", body["errors"]!["occurredAt"]![0]!.GetValue<string>());

        await _api.SafeAndWellAsync("seq-sw3", "seq-m3", child, "2026-03-02T08:40:00Z");
    }

    [Fact]
    public async Task A_return_interview_held_before_the_child_was_found_is_refused_on_the_page_at_the_held_time()
    {
        var child = await ChildReportedAsync("seq-m4");
        await _api.LocateAsync("seq-f4", "seq-m4", child, "2026-03-02T08:00:00Z", "Park");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var response = await page.RecordAsync("/missing/seq-m4/return-interview",
        [
            .. DateParts.Of("OfferedAt", "2026-03-02T08:30"), new("Outcome", "held"), .. DateParts.Of("HeldAt", "2026-03-02T07:45"),
            new("ByAgency", "Independent return service"), new("EventId", "seq-ri4"),
        ]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"HeldAt-error\"", html);
        Assert.Contains("The time the return interview was held must be after the child was found (2 March 2026 at 08:00)", html);
    }

    [Fact]
    public async Task A_return_interview_recorded_through_the_page_closes_its_task()
    {
        var child = await ChildReportedAsync("ri-m1");
        await _api.LocateAsync("ri-f1", "ri-m1", child, "2026-03-02T08:00:00Z", "Park");
        var (_, open) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&status=open");
        Assert.Contains("return-interview", open.Codes());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var response = await page.RecordAsync("/missing/ri-m1/return-interview",
        [
            .. DateParts.Of("OfferedAt", "2026-03-02T08:30"), new("Outcome", "held"), .. DateParts.Of("HeldAt", "2026-03-02T08:50"),
            new("ByAgency", "Independent return service"), new("EventId", "ri-1"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, stillOpen) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&status=open");
        Assert.DoesNotContain("return-interview", stillOpen.Codes());
        var (_, done) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&status=done");
        Assert.Contains("return-interview", done.Codes());
    }

    [Fact]
    public async Task A_time_more_than_five_minutes_ahead_is_refused_as_in_the_future_and_four_minutes_ahead_is_accepted()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ola", "Ahead").AgedYears(12).Build());

        var (late, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "future-1", type = "missing-reported", occurredAt = "2026-03-02T09:06:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "low", reportedBy = "parent", lookedAfter = false, lastSeenAt = "2026-03-02T08:00:00Z" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late);
        Assert.Equal("in-the-future", body!["code"]!.GetValue<string>());
        Assert.NotNull(body["errors"]!["occurredAt"]);

        var (skew, _) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "future-2", type = "missing-reported", occurredAt = "2026-03-02T09:04:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "low", reportedBy = "parent", lookedAfter = false, lastSeenAt = "2026-03-02T08:00:00Z" },
        });
        Assert.Equal(HttpStatusCode.Created, skew);
    }

    [Fact]
    public async Task A_last_seen_time_before_the_child_was_born_is_refused_as_before_birth_naming_the_child()
    {
        var child = await _api.CreatePersonAsync(A.Child("Rae", "Unborn").BornOn("2015-06-10").Build());

        var (status, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "unborn-1", type = "missing-reported", occurredAt = "2026-03-02T08:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "low", reportedBy = "parent", lookedAfter = false, lastSeenAt = "2015-06-01T08:00:00Z" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("before-birth", body!["code"]!.GetValue<string>());
        Assert.Contains("Rae Unborn was born on 10 June 2015", body["errors"]!["data.lastSeenAt"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_missing_now_list_shows_children_not_yet_found_with_risk_time_missing_and_last_seen_place_and_leaves_out_found_ones()
    {
        var missing = await _api.CreatePersonAsync(A.Child("Kai", "Stillgone").AgedYears(15).Build());
        await _api.ReportAsync("now-m1", missing, "2026-02-27T05:00:00Z", grade: "high", lastSeen: "Canal towpath");
        var found = await _api.CreatePersonAsync(A.Child("Zoe", "Foundagain").AgedYears(15).Build());
        await _api.ReportAsync("now-m2", found, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("now-f2", "now-m2", found, "2026-03-01T23:00:00Z", "Friend's house");
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var (status, html) = await page.GetAsync("/missing/now");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/missing/now-m1\">Kai Stillgone</a>", html);
        Assert.Contains("3 days 4 hours", html);
        Assert.Contains("Canal towpath", html);
        Assert.Contains("27 February 2026 at 05:00", html);
        Assert.Contains(">High</strong>", html);
        Assert.DoesNotContain("Zoe Foundagain", html);
        Assert.Contains("href=\"/missing/now\"", (await page.GetAsync("/worklist")).Html); // in the control room's navigation
    }

    [Fact]
    public async Task The_missing_now_list_pages_through_every_child_with_a_true_count()
    {
        for (int i = 0; i < 27; i++)
        {
            var child = await _api.CreatePersonAsync(A.Child($"Ch{(char)('a' + i % 26)}{(char)('a' + i / 26)}", "Pagedmissing").AgedYears(14).Build());
            await _api.ReportAsync($"many-{i}", child, $"2026-03-01T{i % 24:00}:00:00Z");
        }
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, first) = await page.GetAsync("/missing/now");
        var (_, second) = await page.GetAsync("/missing/now?page=2");

        Assert.Contains("<strong>27</strong> children are", first);
        Assert.Equal(25, CountOf(first, "Pagedmissing</a>"));
        Assert.Equal(2, CountOf(second, "Pagedmissing</a>"));
        Assert.Contains("href=\"/missing/now?page=2\" rel=\"next\"", first);
        Assert.Contains("Showing 26 to 27", second);
    }

    [Fact]
    public async Task A_partner_practitioner_is_not_shown_the_missing_now_list()
    {
        var page = await PageSignIn.AsAsync(_factory, "partner-practitioner");
        var (status, html) = await page.GetAsync("/missing/now");
        // A page the role may not use says so plainly (issue 8 point 8), and lists nobody.
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("You do not have access to this page", html);
        Assert.DoesNotContain("Pagedmissing", html);
    }

    private static int CountOf(string html, string what) => (html.Length - html.Replace(what, "").Length) / what.Length;
}
