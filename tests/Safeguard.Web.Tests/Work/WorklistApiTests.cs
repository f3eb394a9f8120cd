using System.Net;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Work;

/// <summary>E, I8: GET /api/v1/tasks and /api/v1/alerts, the lists teams work from.</summary>
public sealed class WorklistApiTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public WorklistApiTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Tasks_become_overdue_against_the_clock_now_and_come_first()
    {
        var child = await _api.CreatePersonAsync(A.Child("Lena", "Worktest").AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");

        var (status, open) = await _api.GetJsonAsync("/api/v1/tasks?status=open&sort=due");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["safe-and-well-check", "return-interview"], open.Codes()); // due 24h, then 72h after being found

        _factory.Clock.Advance(TimeSpan.FromDays(2)); // 4 March 09:00: the safe-and-well check (due 2 March 23:00) is late

        var (_, overdue) = await _api.GetJsonAsync("/api/v1/tasks?status=overdue");
        Assert.Equal(["safe-and-well-check"], overdue.Codes());
        var (_, all) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&sort=due");
        Assert.Equal(["overdue", "open"], all!.AsArray().Select(t => t!["status"]!.GetValue<string>()));
        Assert.Equal("Lena Worktest", all[0]!["personName"]!.GetValue<string>());
        Assert.Contains("m1", all[0]!["reason"]!["eventIds"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task The_most_recently_overdue_task_comes_before_long_overdue_ones()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ivy", "Ordertest").AgedYears(13).Build());
        await _api.ReportAsync("old", child, "2026-01-01T20:00:00Z");
        await _api.LocateAsync("old-found", "old", child, "2026-01-02T08:00:00Z", "Park");
        await _api.ReportAsync("new", child, "2026-02-25T20:00:00Z");
        await _api.LocateAsync("new-found", "new", child, "2026-02-26T08:00:00Z", "Park");

        var (_, overdue) = await _api.GetJsonAsync("/api/v1/tasks?status=overdue&code=return-interview&sort=due");

        Assert.Equal(2, overdue!.AsArray().Count);
        Assert.True(DateTimeOffset.Parse(overdue[0]!["dueAt"]!.GetValue<string>()) > DateTimeOffset.Parse(overdue[1]!["dueAt"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Tasks_filter_by_team_code_and_done()
    {
        var child = await _api.CreatePersonAsync(A.Child().AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        await _api.ReturnInterviewAsync("ri1", "m1", child, "2026-03-02T08:00:00Z");

        var (_, team) = await _api.GetJsonAsync("/api/v1/tasks?team=response");
        Assert.Equal(["safe-and-well-check"], team.Codes());
        var (_, done) = await _api.GetJsonAsync("/api/v1/tasks?status=done&code=return-interview");
        Assert.Equal(["return-interview"], done.Codes());
        var (_, none) = await _api.GetJsonAsync("/api/v1/tasks?status=open&code=return-interview");
        Assert.Empty(none!.AsArray());
    }

    [Fact]
    public async Task Unknown_status_is_a_400_problem()
    {
        var (status, body) = await _api.GetJsonAsync("/api/v1/tasks?status=late");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body!["errors"]!["status"]);
    }

    [Fact]
    public async Task Alerts_filter_by_audience_newest_first()
    {
        var child = await _api.CreatePersonAsync(A.Child().AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-01-05T20:00:00Z");
        await _api.ReportAsync("m2", child, "2026-01-20T20:00:00Z");
        await _api.ReportAsync("m3", child, "2026-02-01T20:00:00Z");
        await _api.ReportAsync("m4", child, "2026-02-20T20:00:00Z");

        var (_, control) = await _api.GetJsonAsync("/api/v1/alerts?audience=control-room");
        Assert.Equal(2, control!.AsArray().Count); // the third and fourth episodes each raise a repeat-missing alert
        Assert.All(control!.AsArray(), a => Assert.Equal("repeat-missing", a!["code"]!.GetValue<string>()));
        var times = control.AsArray().Select(a => DateTimeOffset.Parse(a!["createdAt"]!.GetValue<string>())).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var (_, review) = await _api.GetJsonAsync("/api/v1/alerts?code=missing-grade-review");
        Assert.NotEmpty(review!.AsArray());
        Assert.All(review.AsArray(), a => Assert.Equal("supervisor", a!["audience"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_partner_practitioner_sees_no_police_tasks()
    {
        var child = await _api.CreatePersonAsync(A.Child().AgedYears(14).Build());
        await _api.ReportAsync("m1", child, "2026-03-01T20:00:00Z");
        await _api.LocateAsync("f1", "m1", child, "2026-03-01T23:00:00Z", "Bus station");
        var partner = await _factory.ApiAsAsync("partner-practitioner");

        var (status, tasks) = await partner.GetJsonAsync("/api/v1/tasks");
        var (_, policeTasks) = await _api.GetJsonAsync("/api/v1/tasks");

        Assert.NotEmpty(policeTasks!.AsArray());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(tasks!.AsArray());
    }
}
