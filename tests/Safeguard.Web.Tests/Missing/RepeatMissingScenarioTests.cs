using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Missing;

/// <summary>Scenarios from the inspection report (missing children, F1–F6, MI3–MI6), played as whole histories
/// through the API. The report found looked-after girls going missing again and again, graded low each time,
/// found with the same older man, with no trigger plan and risk judged on the latest episode only.</summary>
public sealed class RepeatMissingScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RepeatMissingScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>Four episodes in 60 days, each graded low, found each time with the same adult; return interviews
    /// after each; a safe-and-well check in which she discloses an older boyfriend.</summary>
    private Task<(string Girl, string Man)> PlayHistoryAsync() => PlayHistoryAsync(_api);

    private static async Task<(string Girl, string Man)> PlayHistoryAsync(HttpClient _api)
    {
        var girl = await _api.CreatePersonAsync(A.Child("Kayla", "Scenario").AgedYears(14).Build());
        var man = await _api.CreatePersonAsync(A.Adult("Darren", "Scenario").AgedYears(27).Build());
        string[] reported = ["2026-01-02T19:00:00Z", "2026-01-20T21:00:00Z", "2026-02-10T22:00:00Z", "2026-03-01T20:00:00Z"];
        for (int i = 0; i < reported.Length; i++)
        {
            var at = DateTimeOffset.Parse(reported[i]);
            await _api.ReportAsync($"miss-{i + 1}", girl, reported[i], grade: "low", lookedAfter: true, lastSeen: "Children's home");
            await _api.LocateAsync($"found-{i + 1}", $"miss-{i + 1}", girl, at.AddHours(10).ToString("O"), "Flat above the takeaway, Dock Street", man, "Darren");
            if (i < 3)
            {
                await _api.ReturnInterviewAsync($"ri-{i + 1}", $"miss-{i + 1}", girl, at.AddHours(30).ToString("O"));
                await _api.SafeAndWellAsync($"sw-{i + 1}", $"miss-{i + 1}", girl, at.AddHours(12).ToString("O"), i == 1 ? ["older-partner"] : []);
            }
        }
        return (girl, man);
    }

    [Fact]
    public async Task Looked_after_girl_missing_four_times_in_sixty_days_graded_low_gets_the_whole_response()
    {
        var (girl, _) = await PlayHistoryAsync();

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");

        var flags = profile!["flags"]!.AsArray();
        Assert.Contains(flags, f => f!["code"]!.GetValue<string>() == "repeat-missing" && f["status"]!.GetValue<string>() == "suggested");
        Assert.Contains(flags, f => f!["code"]!.GetValue<string>() == "cse-risk"); // F6: missing again after disclosing an older partner
        var alerts = profile["alerts"].Codes().ToList();
        Assert.Contains("repeat-missing", alerts);
        Assert.Contains("missing-grade-review", alerts);

        var tasks = profile["tasks"]!.AsArray();
        string StatusOf(string code, string eventId) => tasks.Single(t => t!["code"]!.GetValue<string>() == code
            && t["reason"]!["eventIds"]!.AsArray().Any(e => e!.GetValue<string>() == eventId))!["status"]!.GetValue<string>();
        Assert.Contains(tasks, t => t!["code"]!.GetValue<string>() == "trigger-plan" && t["assignedTo"]!.GetValue<string>() == "missing-persons");
        Assert.Contains(tasks, t => t!["code"]!.GetValue<string>() == "cse-screening");
        Assert.Equal("done", StatusOf("return-interview", "miss-1"));
        Assert.Equal("done", StatusOf("return-interview", "miss-3"));
        Assert.Equal("open", StatusOf("return-interview", "miss-4")); // found 2 March 06:00, due within 72 hours
        Assert.Equal(4, profile["missing"]!["episodes"]!.GetValue<int>());
        Assert.Equal(4, profile["missing"]!["last90Days"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_trigger_plan_closes_the_trigger_plan_task_and_a_cse_screening_the_screening_task()
    {
        var (girl, man) = await PlayHistoryAsync();

        await _api.RecordAsync(new
        {
            id = "plan-1", type = "trigger-plan", occurredAt = "2026-03-02T08:30:00Z", people = new[] { new { personId = girl, role = "child" } },
            data = new { description = "Slim, shoulder-length dark hair", places = new[] { "Flat above the takeaway, Dock Street" }, associates = new[] { man }, phones = new[] { "07700 900123" } },
        });
        var screening = await _api.RecordAsync(new
        {
            id = "scr-1", type = "cse-screening", occurredAt = "2026-03-02T08:45:00Z", people = new[] { new { personId = girl, role = "child" } },
            data = new { indicators = new[] { "missing", "older-partner", "gifts-money" } },
        });

        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={girl}&status=done");
        Assert.Contains("trigger-plan", tasks.Codes());
        Assert.Contains("cse-screening", tasks.Codes());
        Assert.True(screening["outputs"]!["flags"].Codes().Contains("cse-risk"), screening.ToJsonString());
    }

    [Fact]
    public async Task A_force_that_sets_repeat_missing_at_five_episodes_gets_no_repeat_missing_for_four_without_a_restart()
    {
        var (status, _) = await Admin.SettingsApiTests.PutAsync(_api, "/api/v1/settings/MI5.repeatMissingEpisodes", new { value = 5 });
        Assert.Equal(System.Net.HttpStatusCode.OK, status);

        var (girl, _) = await PlayHistoryAsync();

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");
        Assert.DoesNotContain("repeat-missing", profile!["flags"].Codes());
        Assert.DoesNotContain("repeat-missing", profile["alerts"].Codes());
        Assert.DoesNotContain("trigger-plan", profile["tasks"].Codes());

        await _api.ReportAsync("miss-5", girl, "2026-03-02T07:00:00Z");
        var (_, after) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");
        Assert.Contains("repeat-missing", after!["flags"].Codes());
    }

    [Fact]
    public async Task Replaying_the_whole_history_with_the_same_ids_adds_nothing()
    {
        var sent = new SentEvents();
        var api = _factory.CreateDefaultClient(sent);
        api.DefaultRequestHeaders.Authorization = new("Bearer", SafeguardFactory.AdminToken);
        var (girl, _) = await PlayHistoryAsync(api);
        var (_, before) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");
        await using var db = _factory.Db();
        var counts = (await db.Tasks.CountAsync(), await db.Alerts.CountAsync(), await db.FlagReasons.CountAsync(), await db.Events.CountAsync());

        foreach (var body in sent.Bodies)
        {
            var (status, _) = await _api.PostRawAsync("/api/v1/events", body);
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        }
        var (_, after) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");

        Assert.Equal(14, sent.Bodies.Count); // 4 reports, 4 found, 3 return interviews, 3 safe-and-well checks
        Assert.Equal(counts, (await db.Tasks.CountAsync(), await db.Alerts.CountAsync(), await db.FlagReasons.CountAsync(), await db.Events.CountAsync()));
        foreach (var part in new[] { "flags", "tasks", "alerts", "chronology" })
            Assert.Equal(before![part]!.ToJsonString(), after![part]!.ToJsonString());
    }

    /// <summary>Keeps every event body sent, to send them again.</summary>
    private sealed class SentEvents : DelegatingHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/api/v1/events")
                Bodies.Add(await request.Content!.ReadAsStringAsync(ct));
            return await base.SendAsync(request, ct);
        }
    }

    [Fact]
    public async Task Profile_as_of_an_instant_shows_tasks_flags_and_missing_counts_as_they_stood_then()
    {
        var (girl, _) = await PlayHistoryAsync();

        // After the second episode (20 Jan) and before the third (10 Feb): two episodes, no repeat missing yet,
        // the second return interview done, no trigger plan task.
        var (_, then) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile?asOf=2026-02-01T00:00:00Z");

        Assert.Equal(2, then!["missing"]!["episodes"]!.GetValue<int>());
        Assert.Equal(2, then["missing"]!["last90Days"]!.GetValue<int>());
        Assert.DoesNotContain("repeat-missing", then["flags"].Codes());
        Assert.DoesNotContain("trigger-plan", then["tasks"].Codes());
        Assert.NotEmpty(then["tasks"]!.AsArray());
        Assert.All(then["tasks"]!.AsArray(), t => Assert.Equal("done", t!["status"]!.GetValue<string>()));

        // Just after the fourth report, before she was found: the return interview for episode 3 done, none yet for 4.
        var (_, later) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile?asOf=2026-03-01T21:00:00Z");
        Assert.Equal(4, later!["missing"]!["episodes"]!.GetValue<int>());
        Assert.Contains("repeat-missing", later["flags"].Codes());
        Assert.Equal(3, later["tasks"]!.AsArray().Count(t => t!["code"]!.GetValue<string>() == "return-interview"));

        // 100 days after the first episode only the later ones are in the last 90 days.
        var (_, spring) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile?asOf=2026-04-25T00:00:00Z");
        Assert.Equal(4, spring!["missing"]!["episodes"]!.GetValue<int>());
        Assert.Equal(2, spring["missing"]!["last90Days"]!.GetValue<int>());
    }

    private static string Reasons(JsonNode profile) => string.Join("|", profile["flags"]!.AsArray()
        .SelectMany(f => f!["reasons"]!.AsArray().Select(r => r!["explanation"]!.GetValue<string>())));
}
