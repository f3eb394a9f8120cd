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

        var (status, html) = await page.GetAsync("/worklist?Team=all&Status=all&Audience=all&Sort=due");

        Assert.Equal(HttpStatusCode.OK, status);
        var overdue = html.IndexOf(">Overdue</strong>", StringComparison.Ordinal);
        var open = html.IndexOf(">Open</strong>", StringComparison.Ordinal);
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
    [Fact]
    public async Task A_supervisor_completes_a_task_with_what_was_done_and_acknowledges_an_alert_on_the_worklist()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ada", "Formtest").AgedYears(14).Build());
        await _api.ReportAsync("m0", child, "2026-01-05T20:00:00Z");
        await _api.ReportAsync("m00", child, "2026-01-20T20:00:00Z");
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z"); // the third episode raises a repeat-missing alert
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        var page = await PageSignIn.AsAsync(_factory, "supervisor");
        const string list = "/worklist?Team=all&Status=all&Audience=all&Code=return-interview";

        var empty = await page.SubmitAsync(list, "Complete task", [new("note", "")]);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        var completed = await page.SubmitAsync(list, "Complete task", [new("note", "Interview held at school with the child's social worker")]);
        var (_, after) = await page.GetAsync(completed.Headers.Location!.OriginalString);
        var acknowledged = await page.SubmitAsync("/worklist?Team=all&Status=all&Audience=all&Code=repeat-missing", "Acknowledge alert",
            [new("note", "Grade reviewed with the duty inspector")]);
        var (_, done) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&status=done&code=return-interview");
        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?code=repeat-missing");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Say what was done to complete the task.", emptyHtml);
        Assert.Contains("govuk-error-summary", emptyHtml);
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Contains("Task completed", after);
        Assert.Equal("Interview held at school with the child's social worker", done!.AsArray().Single()!["completionNote"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.Contains(alerts!.AsArray(), a => a!["acknowledgeNote"]?.GetValue<string>() == "Grade reviewed with the duty inspector");
    }

    [Fact]
    public async Task A_task_assigned_to_a_person_on_the_page_shows_on_their_own_list_and_new_items_are_marked_until_seen()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ben", "Assigntest").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var assigned = await supervisor.SubmitAsync("/worklist?Team=all&Status=all&Code=return-interview", "Assign task", [new("assignUser", "officer")]);
        var (_, mine) = await officer.GetAsync("/worklist?Team=all&Status=all&Assigned=mine");
        var seen = await officer.SubmitAsync("/worklist?Team=all&Status=all&Assigned=mine", "Mark everything as seen");
        var (_, mineAfter) = await officer.GetAsync("/worklist?Team=all&Status=all&Assigned=mine");

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Contains("Ben Assigntest", mine);
        Assert.Contains("Tasks (1)", mine);
        Assert.Contains(">New</strong>", mine[mine.IndexOf("worklist-tasks", StringComparison.Ordinal)..]);
        Assert.Equal(HttpStatusCode.Redirect, seen.StatusCode);
        Assert.DoesNotContain(">New</strong>", mineAfter[mineAfter.IndexOf("worklist-tasks", StringComparison.Ordinal)..]);
    }
}
