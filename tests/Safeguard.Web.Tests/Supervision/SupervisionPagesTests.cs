using System.Net;
using Safeguard.TestKit;
using static Safeguard.Web.Tests.Supervision.SupervisionTestData;

namespace Safeguard.Web.Tests.Supervision;

/// <summary>The daily management meeting and the supervisor's workbench through the pages, without JavaScript: the
/// meeting shows the user's own BCU, a decision is recorded with check your answers and then shows on the meeting and
/// on the child's profile; the workbench lists and downloads its rows.</summary>
public sealed class SupervisionPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SupervisionPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>A page with its character references decoded, so that names outside a–z read as typed.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(PageSignIn page, string path)
    {
        var (status, html) = await page.GetAsync(path);
        return (status, WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task The_meeting_shows_the_users_bcu_and_a_decision_recorded_on_it_lands_on_the_childs_chronology()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Zoë", "Meetingchild");
        await IncidentAsync(_api, child, "2026-03-01T22:00:00Z", "N-RESP");
        var page = await PageSignIn.AsAsync(_factory, "supervisor", "N-CAIT");

        var (status, html) = await GetAsync(page, "/supervision/daily-meeting");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Daily management meeting: Northmoor BCU", html);
        Assert.Contains("Zoë Meetingchild", html);
        Assert.Contains("Northmoor response", html);
        Assert.Contains($"/supervision/decision?bcu=BCU-N&personId={child}", html);

        var path = $"/supervision/decision?bcu=BCU-N&personId={child}";
        var refused = await page.SubmitAsync(path, "Continue", [new("Text", ""), new("Owner", "")]);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Enter the decision", refusedHtml);
        Assert.Contains("Choose who owns the decision", refusedHtml);

        var check = await page.SubmitAsync(path, "Continue",
            [new("Text", "Neighbourhood officer to visit Zoë at home"), new("Owner", "N-RESP"), new("DueDate.Day", "4"), new("DueDate.Month", "3"), new("DueDate.Year", "2026")]);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("Check your answers before recording", checkHtml);
        Assert.Contains("4 March 2026", checkHtml);
        var recorded = await (await page.FormOnAsync(check, "Record decision")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, confirmation) = await GetAsync(page, recorded.Headers.Location!.OriginalString);
        Assert.Contains("Decision recorded", confirmation);
        Assert.Contains("Back to the daily management meeting", confirmation);

        var (_, after) = await GetAsync(page, "/supervision/daily-meeting");
        Assert.Contains("Decisions recorded at this meeting (1)", after);
        Assert.Contains("Neighbourhood officer to visit Zoë at home", after);

        var (_, profile) = await GetAsync(page, $"/people/{child}");
        Assert.Contains("Daily management meeting decision", profile);
    }

    [Fact]
    public async Task A_chosen_day_in_the_future_is_refused_on_the_page_and_the_last_24_hours_are_shown()
    {
        await AddForceAsync(_factory);
        var page = await PageSignIn.AsAsync(_factory, "supervisor", "N-CAIT");
        var (status, html) = await page.GetAsync("/supervision/daily-meeting?bcu=BCU-S&Day.Day=9&Day.Month=3&Day.Year=2026");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The day must be today or in the past", html);
        Assert.Contains("Daily management meeting: Southvale BCU", html);
        Assert.Contains("the last 24 hours", html);
    }

    [Fact]
    public async Task An_officer_may_read_the_meeting_but_not_record_decisions_or_open_the_workbench()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Ianto", "Officerview");
        await IncidentAsync(_api, child, "2026-03-01T22:00:00Z", "N-RESP");
        var page = await PageSignIn.AsAsync(_factory, "officer", "N-RESP");

        var (status, html) = await page.GetAsync("/supervision/daily-meeting");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ianto Officerview", html);
        Assert.DoesNotContain("Record a decision", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync($"/supervision/decision?bcu=BCU-N&personId={child}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await page.GetAsync("/supervision/workbench")).Status);
    }

    [Fact]
    public async Task The_workbench_lists_overdue_actions_with_links_and_downloads_them()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Jac", "Workbenchchild");
        await EventAsync(_api, "sd-jac", "strategy-discussion", "2026-02-25T10:00:00Z", "N-CAIT", child, new
        {
            agencies = new[] { "police" }, section47 = false,
            decisions = new[] { new { text = "=Check the school's attendance record", owner = "N-CAIT", dueDate = "2026-02-27" } },
        });
        var page = await PageSignIn.AsAsync(_factory, "supervisor", "N-CAIT");

        var (status, html) = await page.GetAsync("/supervision/workbench");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Overdue meeting actions (1)", html);
        Assert.Contains("Jac Workbenchchild", html);
        Assert.Contains($"href=\"/people/{child}\"", html);

        var download = await page.Client.GetAsync("/supervision/workbench?handler=Export&list=actions&format=csv");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var csv = await download.Content.ReadAsStringAsync();
        Assert.Contains("Jac Workbenchchild", csv);
        Assert.Contains("'=Check the school", csv);
    }
}
