using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;
using Safeguard.TestKit;
using static Safeguard.Web.Tests.Measures.FamilyMeasureKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>M1 / MI5: the repeat missing rate, per child and month, from missing reports recorded through the API.</summary>
public sealed class MissingMeasureTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MissingMeasureTests()
    {
        _api = _factory.Api();
        SeedTeams(_factory);
    }

    public void Dispose() => _factory.Dispose();

    private static readonly MonthKey November = MonthKey.Of(2025, 11), February = MonthKey.Of(2026, 2);

    /// <summary>A child and their missing reports (ids "{tag}-1", "{tag}-2", …).</summary>
    private async Task<string> ChildMissingAsync(string tag, string team, params string[] reportedAt)
    {
        var child = await _api.CreatePersonAsync(A.Child("Siân", tag).AgedYears(14).Build());
        for (int i = 0; i < reportedAt.Length; i++)
        {
            var at = DateTimeOffset.Parse(reportedAt[i], System.Globalization.CultureInfo.InvariantCulture);
            await _api.RecordAsync($"{tag}-{i + 1}", "missing-reported", reportedAt[i], team,
                new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = at.AddHours(-2) }, (child, "child"));
        }
        return child;
    }

    [Fact]
    public async Task A_child_is_counted_once_a_month_and_is_a_repeat_when_the_third_episode_in_90_days_starts_that_month()
    {
        // MI5: 3 episodes within 90 days (London calendar days, to the same time of day) ending with an episode of the month.
        // North child A: 1 Jan, 20 Jan, 10 Feb  -> January: 2 episodes so far, not a repeat; February: 3 in 41 days, a repeat.
        // South child B: 11 Nov, 20 Dec, 10 Feb 10:00 -> the window of 10 Feb starts 12 Nov 10:00: 11 Nov is a day outside; not a repeat.
        // South child C: 12 Nov 10:00, 20 Dec, 10 Feb 10:00 -> 12 Nov 10:00 is just inside: a repeat.
        // Each child once per month with an episode: November B, C (0 of 2); December B, C (0 of 2); January A (0 of 1);
        // February A, B, C (2 of 3) — north 1 of 1, south 1 of 2.
        await ChildMissingAsync("rm-a", North, "2026-01-01T18:00:00Z", "2026-01-20T18:00:00Z", "2026-02-10T18:00:00Z");
        await ChildMissingAsync("rm-b", South, "2025-11-11T10:00:00Z", "2025-12-20T10:00:00Z", "2026-02-10T10:00:00Z");
        await ChildMissingAsync("rm-c", South, "2025-11-12T10:00:00Z", "2025-12-20T10:00:00Z", "2026-02-10T10:00:00Z");

        var force = await ComputeAsync(_factory, MissingMeasures.RepeatMissingRate, November, February, MeasureSplit.Force);
        var bcus = await ComputeAsync(_factory, MissingMeasures.RepeatMissingRate, November, February, MeasureSplit.Bcu);

        Assert.Equal([(11, 2, 0), (12, 2, 0), (1, 1, 0), (2, 3, 2)], force.Cells());
        Assert.Equal([(1, 1, 0), (2, 1, 1)], bcus.Cells("north"));
        Assert.Equal([(11, 2, 0), (12, 2, 0), (2, 2, 1)], bcus.Cells("south"));
        Assert.False(force.Definition.HigherIsBetter);
        Assert.Null(force.Target);
        // The cases behind February's repeats are the episodes that made them.
        var repeats = await CasesAsync(_factory, MissingMeasures.RepeatMissingRate, February, February, MeasureSubset.Met);
        Assert.Equal(["rm-a-3", "rm-c-3"], repeats.Select(r => r.CaseId).Order(StringComparer.Ordinal));
        Assert.All(repeats, r => Assert.Equal(CaseTypes.MissingEpisode, r.CaseType));
    }

    [Fact]
    public async Task A_restricted_child_is_left_out_for_a_reader_who_may_not_see_them_and_a_corrected_report_changes_the_figure()
    {
        // Child A (north) is a repeat in February (3 episodes); child C (south) too, but C is restricted.
        await ChildMissingAsync("rm-a", North, "2026-01-01T18:00:00Z", "2026-01-20T18:00:00Z", "2026-02-10T18:00:00Z");
        var hidden = await ChildMissingAsync("rm-c", South, "2025-12-01T10:00:00Z", "2025-12-20T10:00:00Z", "2026-02-10T10:00:00Z");
        await _api.RestrictAsync(_factory, hidden);

        var everyone = await ComputeAsync(_factory, MissingMeasures.RepeatMissingRate, February, February, MeasureSplit.Force);
        var outsider = await ComputeAsync(_factory, MissingMeasures.RepeatMissingRate, February, February, MeasureSplit.Force, Outsider);
        Assert.Equal([(2, 2, 2)], everyone.Cells());
        Assert.Equal([(2, 1, 1)], outsider.Cells());

        // A's first report is corrected: the child in it was someone else. A has 2 episodes left: February is no longer a repeat.
        var other = await _api.CreatePersonAsync(A.Child("Tomasz", "Otherchild").AgedYears(13).Build());
        var (_, report) = await _api.GetJsonAsync("/api/v1/events/rm-a-1");
        var (status, body) = await _api.PostJsonAsync("/api/v1/events/rm-a-1/corrections", new
        {
            data = report!["data"], people = new[] { new { personId = other, role = "child" } }, reason = "Recorded against the wrong child", expectedVersion = 1,
        });
        Assert.True(status == System.Net.HttpStatusCode.OK, body?.ToJsonString());

        var corrected = await ComputeAsync(_factory, MissingMeasures.RepeatMissingRate, February, February, MeasureSplit.Force, Outsider);
        Assert.Equal([(2, 1, 0)], corrected.Cells());
        var (live, rebuilt) = await LiveAndRebuiltAsync(_factory);
        Assert.Equal(live, rebuilt);
    }
}
