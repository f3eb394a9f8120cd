using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Flags;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Derivation;

/// <summary>E6: the whole history decides. Late, backdated and corrected events, merges and their undoing re-derive
/// the people they touch; what no longer stands is withdrawn with a reason; people's decisions stand.</summary>
public sealed class WholeHistoryTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public WholeHistoryTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private Task<JsonNode> ScreenAsync(string id, string child, string at, params string[] indicators) => _api.RecordAsync(new
    {
        id, type = "cse-screening", occurredAt = at, people = new[] { new { personId = child, role = "child" } }, data = new { indicators },
    });

    private async Task<JsonArray> FlagsAsync(string person)
    {
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{person}/profile");
        return profile!["flags"]!.AsArray();
    }

    [Fact]
    public async Task A_cse_screening_recorded_a_day_after_a_fourth_missing_episode_suggests_cse_risk()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Mia", "Lateone").AgedYears(14).Build());
        string[] reported = ["2026-01-02T19:00:00Z", "2026-01-20T21:00:00Z", "2026-02-10T22:00:00Z", "2026-03-01T20:00:00Z"];
        for (int i = 0; i < reported.Length; i++) await _api.ReportAsync($"late-miss-{i + 1}", girl, reported[i]);
        Assert.DoesNotContain("cse-risk", (await FlagsAsync(girl)).Codes());

        // The screening was done before the fourth episode (one indicator: not significant on its own), typed up a day later.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        var screening = await ScreenAsync("late-scr-1", girl, "2026-02-20T15:00:00Z", "missing");

        var flag = (await FlagsAsync(girl)).Single(f => f!["code"]!.GetValue<string>() == "cse-risk")!;
        Assert.Equal("suggested", flag["status"]!.GetValue<string>());
        Assert.Contains(flag["reasons"]!.AsArray(), r => r!["rule"]!.GetValue<string>() == "F6-missing-with-cse-indicators"
            && r["eventIds"]!.AsArray().Select(e => e!.GetValue<string>()).SequenceEqual(["late-scr-1", "late-miss-4"]));
        Assert.Contains("cse-risk", screening["outputs"]!["flags"].Codes());
    }

    [Fact]
    public async Task A_correction_removing_the_basis_withdraws_a_suggestion_with_a_reason_while_a_confirmed_flag_stays_confirmed()
    {
        var suggestedOnly = await _api.CreatePersonAsync(A.Child("Lily", "Correctone").AgedYears(14).Build());
        var confirmedBy = await _api.CreatePersonAsync(A.Child("Ruby", "Correctone").AgedYears(14).Build());
        await ScreenAsync("corr-scr-1", suggestedOnly, "2026-02-20T15:00:00Z", "older-partner", "gifts-money", "substance-misuse");
        await ScreenAsync("corr-scr-2", confirmedBy, "2026-02-20T16:00:00Z", "older-partner", "gifts-money", "substance-misuse");
        var supervisor = await _factory.ApiAsAsync("supervisor");
        var toConfirm = (await FlagsAsync(confirmedBy)).Single(f => f!["code"]!.GetValue<string>() == "cse-risk")!["id"]!.GetValue<string>();
        var (confirmed, _) = await supervisor.PostJsonAsync($"/api/v1/people/{confirmedBy}/flags/{toConfirm}/confirm", new { reason = "Agreed at the CSE panel" });
        Assert.Equal(HttpStatusCode.OK, confirmed);

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        foreach (var (id, _) in new[] { ("corr-scr-1", suggestedOnly), ("corr-scr-2", confirmedBy) })
        {
            var (status, body) = await _api.PostJsonAsync($"/api/v1/events/{id}/corrections",
                new { reason = "Indicators were entered against the wrong child", expectedVersion = 1, data = new { indicators = Array.Empty<string>() } });
            Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        }

        var withdrawn = (await FlagsAsync(suggestedOnly)).Single(f => f!["code"]!.GetValue<string>() == "cse-risk")!;
        Assert.Equal(FlagStatus.Withdrawn, withdrawn["status"]!.GetValue<string>());
        var step = withdrawn["history"]!.AsArray().Last()!;
        Assert.Equal(FlagStatus.Withdrawn, step["status"]!.GetValue<string>());
        Assert.Contains("no longer support", step["reason"]!.GetValue<string>());
        Assert.Equal(_factory.Clock.GetUtcNow(), step["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal("confirmed", (await FlagsAsync(confirmedBy)).Single(f => f!["code"]!.GetValue<string>() == "cse-risk")!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rejected_suggestion_is_not_made_again_when_the_same_history_is_derived_again()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ella", "Rejectone").AgedYears(14).Build());
        await ScreenAsync("rej-scr-1", child, "2026-02-20T15:00:00Z", "older-partner", "gifts-money", "substance-misuse");
        var supervisor = await _factory.ApiAsAsync("supervisor");
        var flag = (await FlagsAsync(child)).Single()!["id"]!.GetValue<string>();
        await supervisor.PostJsonAsync($"/api/v1/people/{child}/flags/{flag}/reject", new { reason = "Screening was about her sister" });

        await ScreenAsync("rej-scr-2", child, "2026-02-25T15:00:00Z");
        using (var scope = _factory.Services.CreateScope())
        {
            var rules = scope.ServiceProvider.GetRequiredService<Core.Derivation.RulesRunner>();
            await rules.RederiveAsync([Guid.Parse(child)], "a test");
        }

        Assert.Equal(["rejected"], (await FlagsAsync(child)).Select(f => f!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Undoing_a_merge_withdraws_what_only_the_merged_history_supported()
    {
        var survivor = await _api.CreatePersonAsync(A.Child("Zara", "Mergetwo").BornOn("2012-04-05").Build());
        var duplicate = await _api.CreatePersonAsync(A.Child("Zarah", "Mergetwo").BornOn("2012-04-05").Build());
        await _api.ReportAsync("mt-1", survivor, "2026-01-10T19:00:00Z");
        await _api.ReportAsync("mt-2", survivor, "2026-01-25T19:00:00Z");
        await _api.ReportAsync("mt-3", duplicate, "2026-02-05T19:00:00Z");
        Assert.DoesNotContain("repeat-missing", (await FlagsAsync(survivor)).Codes());

        var supervisor = await _factory.ApiAsAsync("supervisor");
        var (_, merge) = await supervisor.PostJsonAsync($"/api/v1/people/{survivor}/merge", new { otherPersonId = duplicate, reason = "Same child" });
        Assert.Equal("suggested", (await FlagsAsync(survivor)).Single(f => f!["code"]!.GetValue<string>() == "repeat-missing")!["status"]!.GetValue<string>());

        await supervisor.PostJsonAsync($"/api/v1/merges/{merge!["id"]}/undo", new { reason = "Twins, not one child" });

        var flag = (await FlagsAsync(survivor)).Single(f => f!["code"]!.GetValue<string>() == "repeat-missing")!;
        Assert.Equal(FlagStatus.Withdrawn, flag["status"]!.GetValue<string>());
        await using var db = _factory.Db();
        var alert = await db.Alerts.SingleAsync(a => a.PersonId == Guid.Parse(survivor) && a.Code == "repeat-missing");
        Assert.NotNull(alert.WithdrawnAt);
        Assert.Contains("merge of two records was undone", alert.WithdrawReason);
    }
}
