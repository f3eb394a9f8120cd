using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Profiles;

/// <summary>Issue 8 points 4 and 9: the profile opens with what needs doing now; the chronology below it filters by
/// type and date and pages; each entry opens the full record in words with its versions; a printable profile is
/// logged as a print.</summary>
public sealed class ProfilePageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ProfilePageTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>Missing three times and found, then missing again and not yet found (the clock is 2 March 2026 09:00).</summary>
    private async Task<string> ChildMissingNowAsync()
    {
        var child = await _api.CreatePersonAsync(A.Child("Tia", "Nowchild").AgedYears(14).Build());
        string[] at = ["2026-01-05T19:00:00Z", "2026-01-25T19:00:00Z", "2026-02-15T19:00:00Z"];
        for (int i = 0; i < at.Length; i++)
        {
            await _api.ReportAsync($"m{i}", child, at[i]);
            await _api.LocateAsync($"f{i}", $"m{i}", child, DateTimeOffset.Parse(at[i]).AddHours(5).ToString("O"), "Railway arches");
        }
        await _api.ReportAsync("m-now", child, "2026-03-01T20:00:00Z", grade: "medium");
        return child;
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId} on the page");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return Regex.Replace(html[start..(end < 0 ? html.Length : end)], @"\s+", " ");
    }

    private static int Count(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;

    [Fact]
    public async Task The_profile_opens_with_live_flags_tasks_and_the_open_missing_episode_before_the_chronology()
    {
        var child = await ChildMissingNowAsync();
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, html) = await page.GetAsync($"/people/{child}");

        Assert.Equal(HttpStatusCode.OK, status);
        var now = Section(html, "needs-doing-now");
        Assert.True(html.IndexOf("data-testid=\"needs-doing-now\"", StringComparison.Ordinal) < html.IndexOf("id=\"chronology\"", StringComparison.Ordinal));
        Assert.Contains("Missing since 1 March 2026 at 20:00 (risk medium)", now);
        Assert.Contains("Repeatedly missing (suggested, awaiting a decision)", now);
        Assert.Contains("data-testid=\"due-tasks\"", now);
        Assert.Contains("Trigger plan", now);
        // Plain words: rule identifiers stay in the "History and rule details" disclosure, never in the summary.
        Assert.DoesNotContain("MI5-repeat-missing", now);
        Assert.DoesNotContain("childrens-home", now);
    }

    [Fact]
    public async Task A_profile_with_nothing_outstanding_says_so_and_a_recorded_trigger_plan_shows_as_a_plan()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ola", "Planchild").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var before = Section((await page.GetAsync($"/people/{child}")).Html, "needs-doing-now");

        await _api.RecordAsync(new
        {
            id = "tp-1", type = "trigger-plan", occurredAt = "2026-02-20T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { places = new[] { "Bus station", "Market hall" }, reviewDate = "2026-05-20" },
        });
        var after = Section((await page.GetAsync($"/people/{child}")).Html, "needs-doing-now");

        Assert.Contains("Nothing needs doing now", before);
        Assert.Contains("Trigger plan", after);
        Assert.Contains("Places to look: Bus station, Market hall. Since 20 February 2026; review by 20 May 2026.", after);
        Assert.Contains("href=\"/events/tp-1\"", after);
    }

    [Fact]
    public async Task The_chronology_filters_by_type_and_date_and_refuses_a_date_that_does_not_exist()
    {
        var child = await ChildMissingNowAsync();
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-feb").At("2026-02-20T12:00:00Z").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var ppnOnly = (await page.GetAsync($"/people/{child}?Type=ppn")).Html;
        var fromFebruary = (await page.GetAsync($"/people/{child}?FromDay=1&FromMonth=2&FromYear=2026")).Html;
        var (badStatus, badDate) = await page.GetAsync($"/people/{child}?FromDay=31&FromMonth=2&FromYear=2026");

        Assert.Equal(1, Count(ppnOnly, "data-event-type=\"ppn\""));
        Assert.Equal(0, Count(ppnOnly, "data-event-type=\"missing-reported\""));
        Assert.Contains("Showing 1 to 1 of 1 record matching the filter (8 in all)", ppnOnly);
        // From 1 February: the third episode (reported and found), the PPN and the open report.
        var chronology = fromFebruary[fromFebruary.IndexOf("id=\"chronology\"", StringComparison.Ordinal)..];
        Assert.Equal(4, Count(chronology, "class=\"app-chronology__item\""));
        Assert.Equal(0, Count(chronology, "25 January 2026"));
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("The &#x27;from&#x27; date must be a real date", badDate);
        Assert.Contains("href=\"#FromDay\"", badDate);
    }

    [Fact]
    public async Task A_long_chronology_is_paged_twenty_at_a_time_with_true_counts()
    {
        var child = await _api.CreatePersonAsync(A.Child("Pip", "Pagedchild").Build());
        for (int i = 0; i < 23; i++)
            await _api.RecordAsync(A.Ppn(child).WithId($"ppn-{i:00}").At(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(i).ToString("O")).Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var first = (await page.GetAsync($"/people/{child}")).Html;
        var second = (await page.GetAsync($"/people/{child}?ChronologyPage=2")).Html;

        Assert.Equal(20, Count(first, "class=\"app-chronology__item\""));
        Assert.Contains("Showing 1 to 20 of 23 records, newest first.", first);
        Assert.Contains("class=\"govuk-pagination\"", first);
        Assert.Equal(3, Count(second, "class=\"app-chronology__item\""));
        Assert.Contains("Showing 21 to 23 of 23 records", second);
        Assert.Contains("href=\"/events/ppn-00\"", second);
    }

    [Fact]
    public async Task An_entry_opens_the_full_record_in_words_with_its_earlier_versions()
    {
        var child = await _api.CreatePersonAsync(A.Child("Nia", "Entrychild").Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-e").At("2026-02-27T18:00:00Z").Build());
        await _api.PostJsonAsync("/api/v1/events/ppn-e/corrections",
            new { reason = "Time taken from the officer's notebook", expectedVersion = 1, occurredAt = "2026-02-27T18:30:00Z" });
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var profile = (await page.GetAsync($"/people/{child}")).Html;
        var (status, html) = await page.GetAsync("/events/ppn-e");
        var (unknown, _) = await page.GetAsync("/events/no-such-event");

        Assert.Contains("href=\"/events/ppn-e\">Public protection notification</a>", profile);
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = Section(html, "event-fields");
        Assert.Contains("27 February 2026 at 18:30", fields);
        Assert.Contains("Nia Entrychild</a> (child)", fields);
        Assert.Contains("Referred to social care", fields);
        Assert.DoesNotContain("referredToSocialCare", fields);
        Assert.Contains("It has been corrected 1 time", html);
        Assert.Contains("Time taken from the officer&#x27;s notebook", html);
        Assert.Contains("27 February 2026 at 18:00", html);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task The_printable_profile_holds_flags_tasks_and_chronology_and_is_logged_once_as_a_print()
    {
        var child = await ChildMissingNowAsync();
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, html) = await page.GetAsync($"/people/{child}/print");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("OFFICIAL-SENSITIVE", html);
        Assert.Contains("Repeatedly missing (suggested)", Section(html, "print-flags"));
        Assert.Contains("Trigger plan", Section(html, "print-tasks"));
        Assert.Contains("Chronology (7 records, newest first)", html);
        Assert.Contains("app-no-print", html);
        using var db = _factory.Db();
        var rows = await db.Audit.Where(a => a.PersonId == Guid.Parse(child) && a.Entity == "profile").ToListAsync();
        var print = Assert.Single(rows);
        Assert.Equal("print", print.Action);
    }

    [Fact]
    public async Task A_person_the_reader_may_not_see_has_no_print_view_either()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (status, _) = await page.GetAsync($"/people/{Guid.NewGuid()}/print");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task The_chronology_the_record_and_the_print_name_the_team_that_recorded_an_event_not_its_code()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ines", "Teamname").AgedYears(12).Build());
        var victim = await _api.CreatePersonAsync(A.Adult("Rosa", "Teamname").Build());
        await _api.RecordAsync(new
        {
            id = "team-words", type = "incident", occurredAt = "2026-02-20T18:00:00Z", unit = "missing-persons",
            people = new object[] { new { personId = victim, role = "victim" }, new { personId = child, role = "child" } },
            data = new { classifications = new[] { "domestic-abuse" }, riskGrade = "medium",
                children = new[] { new { personId = child, demeanour = "Quiet, holding her coat", seenAndSpokenTo = false } } },
        });
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, profile) = await page.GetAsync($"/people/{child}");
        var (_, record) = await page.GetAsync("/events/team-words");
        var (_, print) = await page.GetAsync($"/people/{child}/print");

        Assert.Contains("by Missing persons unit", Regex.Replace(profile, @"\s+", " "));
        Assert.Contains("Missing persons unit", Regex.Replace(record, @"\s+", " "));
        Assert.Contains("Recorded by Missing persons unit", Section(print, "print-chronology"));
        Assert.DoesNotContain(">. ", Section(print, "print-chronology"));
    }
}
