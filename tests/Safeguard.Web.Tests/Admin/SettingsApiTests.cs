using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Admin;

/// <summary>E3, E5: settings and bank holidays through the API; changes are for administrators, validated and logged.</summary>
public sealed class SettingsApiTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SettingsApiTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    internal static async Task<(HttpStatusCode, JsonNode?)> PutAsync(HttpClient client, string url, object body)
    {
        var response = await client.PutAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Every_setting_is_listed_with_its_default_value_and_source()
    {
        var (status, list) = await _api.GetJsonAsync("/api/v1/settings");

        Assert.Equal(HttpStatusCode.OK, status);
        var mi5 = list!.AsArray().Single(s => s!["key"]!.GetValue<string>() == "MI5.repeatMissingEpisodes")!;
        Assert.Equal(3, mi5["default"]!.GetValue<int>());
        Assert.Equal(3, mi5["value"]!.GetValue<int>());
        Assert.True(mi5["isDefault"]!.GetValue<bool>());
        Assert.Equal("count", mi5["unit"]!.GetValue<string>());
        Assert.Equal("Missing children", mi5["area"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(mi5["source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_administrator_changes_a_setting_and_the_old_and_new_values_are_logged()
    {
        var (status, changed) = await PutAsync(_api, "/api/v1/settings/MI5.repeatMissingEpisodes", new { value = 5 });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, changed!["value"]!.GetValue<int>());
        Assert.False(changed["isDefault"]!.GetValue<bool>());
        await using var db = _factory.Db();
        var entry = await db.Audit.SingleAsync(a => a.Entity == "setting");
        Assert.Equal("MI5.repeatMissingEpisodes", entry.EntityId);
        Assert.Equal("3 -> 5", entry.Detail);
    }

    [Fact]
    public async Task A_value_out_of_range_is_a_400_problem_with_a_code()
    {
        var (status, body) = await PutAsync(_api, "/api/v1/settings/MI5.repeatMissingEpisodes", new { value = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("setting-out-of-range", body!["code"]!.GetValue<string>());
        Assert.NotNull(body["errors"]!["value"]);
    }

    [Fact]
    public async Task An_unknown_setting_is_not_found()
    {
        var (status, body) = await PutAsync(_api, "/api/v1/settings/XX.nothing", new { value = 1 });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not-found", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_administrators_change_settings_or_bank_holidays()
    {
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (settingStatus, settingProblem) = await PutAsync(supervisor, "/api/v1/settings/MI5.repeatMissingEpisodes", new { value = 5 });
        var (holidayStatus, holidayProblem) = await supervisor.PostJsonAsync("/api/v1/bank-holidays", new { date = "2030-05-06", name = "Early May" });

        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (settingStatus, settingProblem!["code"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Forbidden, "forbidden"), (holidayStatus, holidayProblem!["code"]!.GetValue<string>()));
        var (_, list) = await supervisor.GetJsonAsync("/api/v1/settings");
        Assert.NotEmpty(list!.AsArray());
    }

    [Fact]
    public async Task A_bank_holiday_is_added_once_and_audited()
    {
        var (created, _) = await _api.PostJsonAsync("/api/v1/bank-holidays", new { date = "2031-12-29", name = "Extra holiday" });
        var (again, problem) = await _api.PostJsonAsync("/api/v1/bank-holidays", new { date = "2031-12-29", name = "Extra holiday" });
        var (bad, invalid) = await _api.PostJsonAsync("/api/v1/bank-holidays", new { date = "29/12/2031", name = "" });

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("bank-holiday-exists", problem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.NotNull(invalid!["errors"]!["date"]);
        Assert.NotNull(invalid["errors"]!["name"]);
        var (_, list) = await _api.GetJsonAsync("/api/v1/bank-holidays");
        Assert.Contains(list!.AsArray(), h => h!["date"]!.GetValue<string>() == "2031-12-29");
        await using var db = _factory.Db();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Entity == "bank-holiday"));
    }

    [Fact]
    public async Task A_bank_holiday_added_moves_the_next_working_day_deadline_without_a_restart()
    {
        // Two children: a child with a strategy discussion still open gets no second task.
        var first = await _api.CreatePersonAsync(A.Child("Ann", "Holidayone").AgedYears(14).Build());
        var second = await _api.CreatePersonAsync(A.Child("Bea", "Holidaytwo").AgedYears(14).Build());
        object CseIncident(string id, string at, string child) => new
        {
            id, type = "incident", occurredAt = at, people = new[] { new { personId = child, role = "victim" } },
            data = new { classifications = new[] { "cse" } },
        };

        // Friday 20 February 2026: the strategy discussion is due by the end of the next working day, Monday 23rd.
        var before = await _api.RecordAsync(CseIncident("inc-1", "2026-02-20T10:00:00Z", first));
        await _api.PostJsonAsync("/api/v1/bank-holidays", new { date = "2026-03-02", name = "Test holiday" });
        // Friday 27 February: Monday 2 March is now a holiday, so the deadline is Tuesday 3 March.
        var after = await _api.RecordAsync(CseIncident("inc-2", "2026-02-27T10:00:00Z", second));

        DateOnly Due(JsonNode answer) => DateOnly.FromDateTime(DateTimeOffset.Parse(answer["outputs"]!["tasks"]!.AsArray()
            .Single(t => t!["code"]!.GetValue<string>() == "strategy-discussion")!["dueAt"]!.GetValue<string>()).UtcDateTime);
        Assert.Equal(new DateOnly(2026, 2, 23), Due(before));
        Assert.Equal(new DateOnly(2026, 3, 3), Due(after));
    }
}
