using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Work;

/// <summary>Issue 8 point 3: tasks completed with what was done, assigned and reassigned, alerts acknowledged with a
/// note, each audited and refused with 409 when someone else acted first; and the lists a page at a time (point 5).</summary>
public sealed class WorkActionsApiTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public WorkActionsApiTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<(string Child, JsonNode Task)> ReturnInterviewTaskAsync(string given = "Rosa")
    {
        var child = await _api.CreatePersonAsync(A.Child(given, "Actiontest").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=return-interview");
        return (child, tasks!.AsArray().Single()!);
    }

    [Fact]
    public async Task A_task_completed_with_a_note_is_done_audited_and_stays_done_when_the_history_is_derived_again()
    {
        var (child, task) = await ReturnInterviewTaskAsync();
        var id = task["id"]!.GetValue<string>();

        var (status, done) = await _api.PostJsonAsync($"/api/v1/tasks/{id}/complete",
            new { note = "Return interview held by phone with the child's carer present", expectedVersion = task["version"]!.GetValue<int>() });
        _factory.Clock.Advance(TimeSpan.FromHours(12)); // the new episode below must not be in the future
        await _api.ReportAsync("m2", child, "2026-03-02T20:00:00Z"); // a new episode re-derives the whole history

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("done", done!["status"]!.GetValue<string>());
        var (_, stillDone) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&status=done&code=return-interview");
        var row = stillDone!.AsArray().Single()!;
        Assert.Equal("Return interview held by phone with the child's carer present", row["completionNote"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(row["completedBy"]!.GetValue<string>()));
        var (_, audit) = await _api.GetJsonAsync($"/api/v1/audit?personId={child}");
        Assert.Contains(audit!.AsArray(), e => e!["entity"]?.GetValue<string>() == "task" && e["entityId"]?.GetValue<string>() == id);
    }

    [Fact]
    public async Task Completing_without_saying_what_was_done_is_refused_and_changes_nothing()
    {
        var (child, task) = await ReturnInterviewTaskAsync();

        var (status, problem) = await _api.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { note = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["note"]);
        var (_, open) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=return-interview");
        var unchanged = open!.AsArray().Single()!;
        Assert.Equal("open", unchanged["status"]!.GetValue<string>());
        Assert.Equal(1, unchanged["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_second_of_two_people_acting_on_the_same_version_gets_409_and_the_first_decision_stands()
    {
        var (child, task) = await ReturnInterviewTaskAsync();
        var id = task["id"]!.GetValue<string>();

        var (first, _) = await _api.PostJsonAsync($"/api/v1/tasks/{id}/assign", new { team = "mash", expectedVersion = 1 });
        var (second, problem) = await _api.PostJsonAsync($"/api/v1/tasks/{id}/complete", new { note = "Done", expectedVersion = 1 });
        var (again, twice) = await _api.PostJsonAsync($"/api/v1/tasks/{id}/complete", new { note = "Done", expectedVersion = 2 });
        var (third, already) = await _api.PostJsonAsync($"/api/v1/tasks/{id}/complete", new { note = "Done again" });

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Equal("stale-version", problem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(3, twice!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, third);
        Assert.Equal("illegal-transition", already!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_assigned_to_a_person_is_on_their_mine_list_only_and_an_unknown_person_is_refused()
    {
        var (_, task) = await ReturnInterviewTaskAsync();
        await _factory.AddUserAsync("dc.okafor", "investigator", "Work8-test-password-1");
        var (reassigned, toTeam) = await _api.PostJsonAsync($"/api/v1/tasks/{task["id"]}/assign", new { team = "mash" });

        var (status, assigned) = await _api.PostJsonAsync($"/api/v1/tasks/{task["id"]}/assign", new { user = "dc.okafor", reason = "Knows the family" });
        var (unknown, problem) = await _api.PostJsonAsync($"/api/v1/tasks/{task["id"]}/assign", new { user = "nobody.here" });
        var (badTeam, teamProblem) = await _api.PostJsonAsync($"/api/v1/tasks/{task["id"]}/assign", new { team = "the-moon" });
        var (_, mash) = await _api.GetJsonAsync("/api/v1/tasks?team=mash");
        var (_, mineOfAdmin) = await _api.GetJsonAsync("/api/v1/tasks?assigned=mine");

        Assert.Equal(HttpStatusCode.OK, reassigned);
        Assert.Equal("mash", toTeam!["assignedTo"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("dc.okafor", assigned!["assignedUser"]!.GetValue<string>());
        Assert.Equal("mash", assigned["assignedTo"]!.GetValue<string>()); // a user with no team keeps the task's team
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.NotNull(problem!["errors"]!["user"]);
        Assert.Equal(HttpStatusCode.BadRequest, badTeam);
        Assert.NotNull(teamProblem!["errors"]!["team"]);
        Assert.Equal(["return-interview"], mash.Codes());
        Assert.Empty(mineOfAdmin!.AsArray());
    }

    [Fact]
    public async Task An_alert_acknowledged_with_a_note_shows_who_and_what_and_cannot_be_acknowledged_twice()
    {
        var child = await _api.CreatePersonAsync(A.Child("Mia", "Alerttest").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-01-05T20:00:00Z");
        await _api.ReportAsync("m2", child, "2026-01-20T20:00:00Z");
        await _api.ReportAsync("m3", child, "2026-02-01T20:00:00Z"); // the third episode raises a repeat-missing alert
        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?code=repeat-missing");
        var alert = alerts!.AsArray().First()!;

        var (noNote, _) = await _api.PostJsonAsync($"/api/v1/alerts/{alert["id"]}/acknowledge", new { note = "" });
        var (status, acked) = await _api.PostJsonAsync($"/api/v1/alerts/{alert["id"]}/acknowledge", new { note = "Grade reviewed: stays low", expectedVersion = 1 });
        var (twice, _) = await _api.PostJsonAsync($"/api/v1/alerts/{alert["id"]}/acknowledge", new { note = "Again" });
        var (_, unacknowledged) = await _api.GetJsonAsync("/api/v1/alerts?code=repeat-missing&unacknowledged=true");

        Assert.Equal(HttpStatusCode.BadRequest, noNote);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Grade reviewed: stays low", acked!["acknowledgeNote"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.DoesNotContain(unacknowledged!.AsArray(), a => a!["id"]!.GetValue<string>() == alert["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_partner_practitioner_cannot_act_on_police_tasks()
    {
        var (_, task) = await ReturnInterviewTaskAsync();
        var partner = await _factory.ApiAsAsync("partner-practitioner");

        var (status, _) = await partner.PostJsonAsync($"/api/v1/tasks/{task["id"]}/complete", new { note = "Done" });

        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"answered {status}");
    }

    [Fact]
    public async Task Tasks_come_a_page_at_a_time_with_the_true_total()
    {
        for (var i = 0; i < 3; i++)
        {
            var child = await _api.CreatePersonAsync(A.Child($"Page{(char)('a' + i)}", "Pagetest").AgedYears(14).Build());
            await _api.ReportAsync($"m{i}", child, "2026-03-01T20:00:00Z");
            await _api.LocateAsync($"f{i}", $"m{i}", child, "2026-03-01T23:00:00Z", "Park");
        }

        var first = await _api.GetAsync("/api/v1/tasks?code=return-interview&pageSize=2");
        var (_, page1) = await _api.GetJsonAsync("/api/v1/tasks?code=return-interview&pageSize=2");
        var (_, page2) = await _api.GetJsonAsync("/api/v1/tasks?code=return-interview&pageSize=2&page=2");
        var (bad, _) = await _api.GetJsonAsync("/api/v1/tasks?pageSize=0");

        Assert.Equal("3", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(2, page1!.AsArray().Count);
        Assert.Single(page2!.AsArray());
        var ids = page1.AsArray().Concat(page2.AsArray()).Select(t => t!["id"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(3, ids.Count);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
    }
}
