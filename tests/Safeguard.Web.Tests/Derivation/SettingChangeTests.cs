using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.Core.Flags;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Derivation;

/// <summary>E3, E6: a changed threshold re-derives the outputs already stored, in the background, without holding up
/// the administrator's request.</summary>
public sealed class SettingChangeTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SettingChangeTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string?> RepeatMissingStatusAsync(string child)
    {
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        return profile!["flags"]!.AsArray().SingleOrDefault(f => f!["code"]!.GetValue<string>() == "repeat-missing")?["status"]!.GetValue<string>();
    }

    [Fact]
    public async Task Raising_the_repeat_missing_threshold_withdraws_suggestions_the_history_no_longer_supports_once_the_worker_has_run()
    {
        var child = await _api.CreatePersonAsync(A.Child("Leo", "Thresholdone").AgedYears(13).Build());
        await _api.ReportAsync("thr-1", child, "2026-01-10T19:00:00Z");
        await _api.ReportAsync("thr-2", child, "2026-01-25T19:00:00Z");
        await _api.ReportAsync("thr-3", child, "2026-02-05T19:00:00Z");
        Assert.Equal("suggested", await RepeatMissingStatusAsync(child));

        var (status, _) = await Admin.SettingsApiTests.PutAsync(_api, "/api/v1/settings/MI5.repeatMissingEpisodes", new { value = 4 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("suggested", await RepeatMissingStatusAsync(child)); // the request only queued the work

        using (var scope = _factory.Services.CreateScope())
        {
            var clock = scope.ServiceProvider.GetRequiredService<ClockWork>();
            while (await clock.RunJobBatchAsync()) { }
        }

        Assert.Equal(FlagStatus.Withdrawn, await RepeatMissingStatusAsync(child));
        await using var db = _factory.Db();
        var alert = await db.Alerts.SingleAsync(a => a.PersonId == Guid.Parse(child) && a.Code == "repeat-missing");
        Assert.Contains("the setting MI5.repeatMissingEpisodes changed from 3 to 4", alert.WithdrawReason);
        Assert.NotNull((await db.DerivationJobs.SingleAsync()).FinishedAt);
    }
}
