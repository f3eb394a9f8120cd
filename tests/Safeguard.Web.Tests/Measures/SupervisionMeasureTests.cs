using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;

namespace Safeguard.Web.Tests.Measures;

/// <summary>M1, B5, I2: supervisory reviews of child abuse investigations on time, every IN1 days (28) from the opening or
/// the last review, counted once due.</summary>
public sealed class SupervisionMeasureTests : BcuPairMeasureTest
{
    private const string Measure = SupervisionMeasures.ReviewsOnTime;

    private Task OpenAsync(string id, string unit, string at, string child) =>
        RecordAsync(id, "investigation-opened", at, unit, new { investigationId = id, offenceTypes = new[] { "sexual-assault" }, team = unit },
            (child, "victim"));

    private Task ReviewAsync(string id, string investigation, string unit, string at, string child) =>
        RecordAsync(id, "supervisory-review", at, unit, new { investigationId = investigation, @checked = "Lines of enquiry", nextActions = new[] { "Interview" } },
            (child, "victim"));

    private Task CloseAsync(string id, string investigation, string unit, string at, string child) =>
        RecordAsync(id, "investigation-closed", at, unit, new { investigationId = investigation, outcomeForChild = "Charged", childInformed = true, howInformed = "In person" },
            (child, "victim"));

    [Fact]
    public async Task Reviews_are_counted_in_the_month_their_clock_started_on_time_up_to_28_days_and_only_once_due()
    {
        // North 1: opened 5 Jan 10:00, reviewed 2 Feb 10:00 = exactly 28 days: on time (January). The next review, due
        //   2 Mar 10:00, is not due at 2 Mar 09:00: not counted yet; one day later it is overdue (February, not on time).
        // North 2: opened 10 Jan 09:00, reviewed 7 Feb 09:01 = 28 days and a minute: late (January). Closed on 20 Feb before
        //   the next review: that review is no longer needed, not counted.
        // South: opened 20 Jan 12:00, never reviewed, still open: due 17 Feb 12:00, passed: overdue (January).
        var ava = await ChildAsync("Ava");
        var ben = await ChildAsync("Ben");
        var cara = await ChildAsync("Cara");
        await OpenAsync("inv-n1", "pp-north", "2026-01-05T10:00:00Z", ava);
        await ReviewAsync("rev-n1", "inv-n1", "pp-north", "2026-02-02T10:00:00Z", ava);
        await OpenAsync("inv-n2", "pp-north", "2026-01-10T09:00:00Z", ben);
        await ReviewAsync("rev-n2", "inv-n2", "pp-north", "2026-02-07T09:01:00Z", ben);
        await CloseAsync("close-n2", "inv-n2", "pp-north", "2026-02-20T10:00:00Z", ben);
        await OpenAsync("inv-s1", "pp-south", "2026-01-20T12:00:00Z", cara);

        var before = await FiguresAsync(Measure, MeasureSplit.Bcu);
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var after = await FiguresAsync(Measure, MeasureSplit.Bcu);

        Assert.Equal((2, 1), Cell(before, 2026, 1, "north"));
        Assert.Equal((1, 0), Cell(before, 2026, 1, "south"));
        Assert.Equal((0, 0), Cell(before, 2026, 2, "north"));
        Assert.Equal((1, 0), Cell(after, 2026, 2, "north"));
        Assert.Equal(28, before.Limit);
        Assert.Equal(0.9, before.Target);
        var late = await CasesAsync(Measure, MeasureSubset.NotMet);
        Assert.Equal(["inv-n1", "inv-n2", "inv-s1"], late.Select(r => r.CaseId).Order());
    }

    [Fact]
    public async Task Days_are_counted_on_the_london_clock_across_the_change_to_winter_time()
    {
        // Opened 10 Oct 2026 10:00 London (09:00 UTC, summer time), reviewed 7 Nov 10:00 London (10:00 UTC, winter time):
        // 28 days on the London clock though 28 days and an hour have passed: on time, as the IN1 task (due 7 Nov 10:00) says.
        // Opened on the last evening of October (31 Oct 23:30 London), never reviewed: falls in October, overdue on 28 Nov.
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var dev = await ChildAsync("Dev");
        var eve = await ChildAsync("Eve");
        await OpenAsync("inv-autumn", "pp-north", "2026-10-10T09:00:00Z", dev);
        await ReviewAsync("rev-autumn", "inv-autumn", "pp-north", "2026-11-07T10:00:00Z", dev);
        await OpenAsync("inv-halloween", "pp-south", "2026-10-31T23:30:00Z", eve);

        var figures = await FiguresAsync(Measure, MeasureSplit.Bcu, "2026-09", "2026-11");

        Assert.Equal((1, 1), Cell(figures, 2026, 10, "north"));
        Assert.Equal((1, 0), Cell(figures, 2026, 10, "south"));
        var row = Assert.Single(await CasesAsync(Measure, MeasureSubset.Met, "2026-09", "2026-11"));
        Assert.Equal(28, row.Value!.Value, 3);
    }

    [Fact]
    public async Task A_restricted_childs_review_is_left_out_for_others_and_a_corrected_review_date_changes_the_figure()
    {
        // Two investigations opened on 5 Jan, each reviewed late on 3 Feb (29 days). One child is restricted.
        var fay = await ChildAsync("Fay");
        var gus = await ChildAsync("Gus");
        await OpenAsync("inv-fay", "pp-north", "2026-01-05T10:00:00Z", fay);
        await ReviewAsync("rev-fay", "inv-fay", "pp-north", "2026-02-03T10:00:00Z", fay);
        await OpenAsync("inv-gus", "pp-north", "2026-01-05T10:00:00Z", gus);
        await ReviewAsync("rev-gus", "inv-gus", "pp-north", "2026-02-03T10:00:00Z", gus);
        await RestrictAsync(gus);

        Assert.Equal((2, 0), Cell(await FiguresAsync(Measure, MeasureSplit.Force, reader: Named), 2026, 1));
        Assert.Equal((1, 0), Cell(await FiguresAsync(Measure, MeasureSplit.Force, reader: Outsider), 2026, 1));

        // Fay's review was in fact done on 1 Feb (27 days): on time.
        await CorrectAsync("rev-fay", new { investigationId = "inv-fay", @checked = "Lines of enquiry", nextActions = new[] { "Interview" } },
            "2026-02-01T10:00:00Z");

        Assert.Equal((2, 1), Cell(await FiguresAsync(Measure, MeasureSplit.Force, reader: Named), 2026, 1));
    }
}
