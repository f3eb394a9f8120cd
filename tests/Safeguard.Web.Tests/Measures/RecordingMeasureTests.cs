using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Settings;
using Safeguard.TestKit;
using static Safeguard.Web.Tests.Measures.FamilyMeasureKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>B5, B3, B2 and M1: the child's views and demeanour, outcomes for the child, the delay between event and record,
/// and the children at domestic abuse incidents with (and without) a PPN, from records made through the API.</summary>
public sealed class RecordingMeasureTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RecordingMeasureTests()
    {
        _api = _factory.Api();
        SeedTeams(_factory);
    }

    public void Dispose() => _factory.Dispose();

    private static readonly MonthKey February = MonthKey.Of(2026, 2), March = MonthKey.Of(2026, 3);

    private Task<string> ChildAsync(string surname) => _api.CreatePersonAsync(A.Child("Kai", surname).AgedYears(9).Build());

    /// <summary>A domestic abuse incident with the children's entries (demeanour, and the views fields given).</summary>
    private async Task DomesticAbuseAsync(string id, string at, string team, params (string Child, object Entry)[] children)
    {
        var adult = await _api.CreatePersonAsync(A.Adult("Jo", "Victim" + id.Replace("-", "")).Build());
        await _api.RecordAsync(new
        {
            id, type = "incident", occurredAt = at, unit = team,
            people = children.Select(c => new { personId = c.Child, role = "child" }).Append(new { personId = adult, role = "victim" }).ToArray(),
            data = new { classifications = new[] { "domestic-abuse" }, summary = "Argument, neighbours called police", riskGrade = "medium",
                children = children.Select(c => c.Entry).ToArray() },
        });
    }

    private (string, object) Entry(string child, string? views = null) => views is null
        ? (child, new { personId = child, demeanour = "Quiet and watchful", seenAndSpokenTo = true })
        : (child, new { personId = child, demeanour = "Quiet and watchful", seenAndSpokenTo = true, childViewsNotObtainedReason = views });

    [Fact]
    public async Task Children_at_domestic_abuse_are_matched_to_a_ppn_within_the_setting_and_their_views_counted()
    {
        // North da-1, 10 Feb 22:00: child K (entry without views); PPN about K exactly 7 days later (17 Feb 22:00): inside B2's 7 days.
        // South da-2, 20 Feb 10:00: child M (entry: views not obtained, asleep) with a PPN 7 days and 1 minute later: outside;
        //   child P (entry without views) and no PPN.
        // Children to notice (met = PPN followed): north 1 of 1; south 0 of 2.
        // Views and demeanour: north: da-1/K (views from the PPN) and PPN K: 2 of 2; south: da-2/M (reason in the entry) yes,
        //   da-2/P no, PPN M yes: 2 of 3.
        var k = await ChildAsync("Kchild");
        var m = await ChildAsync("Mchild");
        var p = await ChildAsync("Pchild");
        await DomesticAbuseAsync("da-1", "2026-02-10T22:00:00Z", North, Entry(k));
        await _api.RecordForAsync(A.Ppn(k).WithId("ppn-k").At("2026-02-17T22:00:00Z").Build(), North);
        await DomesticAbuseAsync("da-2", "2026-02-20T10:00:00Z", South, Entry(m, views: "Asleep upstairs"), Entry(p));
        await _api.RecordForAsync(A.Ppn(m).WithId("ppn-m").At("2026-02-27T10:01:00Z").Build(), South);

        var notice = await ComputeAsync(_factory, RecordingMeasures.ChildrenToNotice, February, February, MeasureSplit.Bcu);
        var views = await ComputeAsync(_factory, RecordingMeasures.ChildViewsDemeanour, February, February, MeasureSplit.LocalAuthority);

        Assert.Equal([(2, 1, 1)], notice.Cells("north"));
        Assert.Equal([(2, 2, 0)], notice.Cells("south"));
        Assert.Equal([(2, 2, 2)], views.Cells("Northshire Council"));
        Assert.Equal([(2, 3, 2)], views.Cells("Southshire Council"));
        var toNotice = await CasesAsync(_factory, RecordingMeasures.ChildrenToNotice, February, February, MeasureSubset.NotMet);
        Assert.All(toNotice, r => Assert.Equal("da-2", r.CaseId));
        Assert.Equal(new[] { Guid.Parse(m), Guid.Parse(p) }.Order(), toNotice.Select(r => r.PersonId!.Value).Order());

        // B2.ppnWithinDays raised to 8: M's PPN now follows the incident (after the facts are rebuilt), as the recording page reads it.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            db.Settings.Add(new SettingValue { Key = "B2.ppnWithinDays", Value = "8", UpdatedAt = _factory.Clock.GetUtcNow(), UpdatedBy = "test" });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<CaseProjector>().RebuildAsync();
            var page = scope.ServiceProvider.GetRequiredService<Safeguard.Core.Measures.RecordingQuality>();
            var gaps = await page.ChildrenToNoticeAsync(February.Start, March.Start, null);
            Assert.Equal([Guid.Parse(p)], gaps.Select(g => g.ChildId));
        }
        notice = await ComputeAsync(_factory, RecordingMeasures.ChildrenToNotice, February, February, MeasureSplit.Bcu);
        Assert.Equal([(2, 2, 1)], notice.Cells("south"));
    }

    [Fact]
    public async Task A_restricted_child_is_left_out_and_a_corrected_incident_changes_the_figure()
    {
        // North, February: da-1 with child K (no PPN) and child R (restricted, no PPN): 2 children to notice, 0 met; for a reader
        // who may not see R, 1. Corrected so that it is not domestic abuse, the incident has no children to notice at all.
        var k = await ChildAsync("Kchild");
        var r = await ChildAsync("Rchild");
        await DomesticAbuseAsync("da-1", "2026-02-10T22:00:00Z", North, Entry(k), Entry(r));
        await _api.RestrictAsync(_factory, r);

        Assert.Equal([(2, 2, 0)], (await ComputeAsync(_factory, RecordingMeasures.ChildrenToNotice, February, February, MeasureSplit.Force)).Cells());
        Assert.Equal([(2, 1, 0)], (await ComputeAsync(_factory, RecordingMeasures.ChildrenToNotice, February, February, MeasureSplit.Force, Outsider)).Cells());

        await _api.CorrectAsync("da-1", System.Text.Json.Nodes.JsonNode.Parse("""{"classifications":["neglect"],"summary":"Home conditions","riskGrade":"standard"}""")!);
        Assert.Empty((await ComputeAsync(_factory, RecordingMeasures.ChildrenToNotice, February, February, MeasureSplit.Force)).Cells);
        var (live, rebuilt) = await LiveAndRebuiltAsync(_factory);
        Assert.Equal(live, rebuilt);
    }

    [Fact]
    public async Task Outcomes_are_counted_when_involvement_ends_and_a_later_outcome_record_completes_one()
    {
        // North: investigation closed 12 Feb with the outcome and the child told (met).
        // South: child released from custody 28 Feb 23:30 (London, the last evening of February) without the outcome: not met, until an
        // outcome-recorded for the child on 2 March completes it (still counted in February, when involvement ended).
        var k = await ChildAsync("Kchild");
        var c = await ChildAsync("Cchild");
        await _api.RecordAsync("inv-1-open", "investigation-opened", "2026-01-20T10:00:00Z", North, new { investigationId = "INV-1", offenceTypes = new[] { "assault" } }, (k, "child"));
        await _api.RecordAsync("inv-1-closed", "investigation-closed", "2026-02-12T10:00:00Z", North,
            new { investigationId = "INV-1", outcomeForChild = "Suspect charged; child supported by ISVA", childInformed = true, howInformed = "Visit with mother" }, (k, "child"));
        await _api.RecordAsync("cu-1", "custody-detained", "2026-02-27T16:00:00Z", South, new { custodyId = "CU-1", appropriateAdult = "Parent" }, (c, "child"));
        await _api.RecordAsync("cu-1-out", "custody-released", "2026-02-28T23:30:00Z", South, new { custodyId = "CU-1" }, (c, "child"));

        var before = await ComputeAsync(_factory, RecordingMeasures.OutcomesRecorded, February, March, MeasureSplit.Bcu);
        await _api.RecordAsync("out-1", "outcome-recorded", "2026-03-02T08:00:00Z", South,
            new { outcomeForChild = "Released without charge; referred to youth offending service", childInformed = true }, (c, "child"));
        var after = await ComputeAsync(_factory, RecordingMeasures.OutcomesRecorded, February, March, MeasureSplit.Bcu);

        Assert.Equal([(2, 1, 1)], before.Cells("north"));
        Assert.Equal([(2, 1, 0)], before.Cells("south"));
        Assert.Equal([(2, 1, 1)], after.Cells("south"));
        var rows = await CasesAsync(_factory, RecordingMeasures.OutcomesRecorded, February, March, MeasureSubset.All);
        Assert.Equal([(CaseTypes.Custody, "CU-1"), (CaseTypes.Investigation, "INV-1")], rows.Select(x => (x.CaseType, x.CaseId)).Order());
    }

    [Fact]
    public async Task The_delay_from_event_to_record_is_averaged_in_hours_against_the_24_hour_target_in_the_London_month()
    {
        // "Now" is 1 July 2026 10:00 (BST); each record is made now. PPN a: 30 June 10:00 BST (24 h: within the target);
        // PPN b: 30 June 09:00 BST (25 h: not within); PPN c: 30 June 23:30 UTC, which is 1 July 00:30 in London: July (9.5 h).
        // June: 2 records, average 24.5 h, 1 within; July: 1 record, 9.5 h, within.
        _factory.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var k = await ChildAsync("Kchild");
        await _api.RecordForAsync(A.Ppn(k).WithId("ppn-a").At("2026-06-30T09:00:00Z").Build(), North);
        await _api.RecordForAsync(A.Ppn(k).WithId("ppn-b").At("2026-06-30T08:00:00Z").Build(), North);
        await _api.RecordForAsync(A.Ppn(k).WithId("ppn-c").At("2026-06-30T23:30:00Z").Build(), South);

        var delay = await ComputeAsync(_factory, RecordingMeasures.RecordingDelay, MonthKey.Of(2026, 6), MonthKey.Of(2026, 7), MeasureSplit.Force);

        var june = delay.Cells.Single(x => x.Month == MonthKey.Of(2026, 6));
        var july = delay.Cells.Single(x => x.Month == MonthKey.Of(2026, 7));
        Assert.Equal((2, 1, 24.5), (june.Counted, june.Met, june.Average));
        Assert.Equal((1, 1, 9.5), (july.Counted, july.Met, july.Average));
        Assert.Equal(24, delay.Target);
        Assert.False(delay.Definition.HigherIsBetter);
    }
}
