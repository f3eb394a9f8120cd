using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;

namespace Safeguard.Web.Tests.Measures;

/// <summary>M1: time to charging decision (I4, IN3), digital forensic waiting time (I3, IN2), offender visits on time (SO3),
/// children held overnight after charge (CU4) and re-referrals to children's social care within 12 months.</summary>
public sealed class JusticeMeasureTests : BcuPairMeasureTest
{
    private static double? Average(MeasureFigures figures, int year, int month, string? unit) =>
        figures.Cells.Single(c => c.Month == MonthKey.Of(year, month) && c.Unit == unit).Average;

    [Fact]
    public async Task Charging_decisions_are_averaged_in_the_month_decided_and_within_target_up_to_28_days()
    {
        // North: submitted 5 Jan 10:00, decided 2 Feb 10:00 (28 days, within); submitted 10 Jan 10:00, decided 8 Feb 10:00
        //   (29 days, over). February: 2 decided, 1 within, average 28.5 days.
        // South: submitted 2 Jan 10:00, decided on the last evening of January (30 Jan 23:30): 28.5625 days, over, January.
        //   Another submitted 1 Feb and not decided: not counted.
        var ava = await ChildAsync("Ava");
        var ben = await ChildAsync("Ben");
        async Task FileAsync(string id, string unit, string child, string submitted, string? decided)
        {
            await RecordAsync($"{id}-s", "charging-file-submitted", submitted, unit, new { fileId = id, offence = "Sexual assault" }, (child, "victim"));
            if (decided is not null)
                await RecordAsync($"{id}-d", "charging-decision", decided, unit, new { fileId = id, decision = "charge" }, (child, "victim"));
        }
        await FileAsync("cps-n1", "pp-north", ava, "2026-01-05T10:00:00Z", "2026-02-02T10:00:00Z");
        await FileAsync("cps-n2", "pp-north", ava, "2026-01-10T10:00:00Z", "2026-02-08T10:00:00Z");
        await FileAsync("cps-s1", "pp-south", ben, "2026-01-02T10:00:00Z", "2026-01-30T23:30:00Z");
        await FileAsync("cps-s2", "pp-south", ben, "2026-02-01T10:00:00Z", null);

        var figures = await FiguresAsync(JusticeMeasures.ChargingDecisionTime, MeasureSplit.Bcu);

        Assert.Equal((2, 1), Cell(figures, 2026, 2, "north"));
        Assert.Equal(28.5, Average(figures, 2026, 2, "north"));
        Assert.Equal((1, 0), Cell(figures, 2026, 1, "south"));
        Assert.Equal(28.56, Average(figures, 2026, 1, "south"));
        Assert.Equal((0, 0), Cell(figures, 2026, 2, "south"));
        Assert.Equal(28, figures.Target);
    }

    [Fact]
    public async Task Forensic_requests_are_held_to_their_own_target_seven_days_when_high_priority_else_thirty()
    {
        // North: high priority, 10 Jan -> 18 Jan (8 days, over its 7); standard, 5 Jan -> 3 Feb (29 days, within 30).
        // South: high priority, 20 Jan 10:00 -> 27 Jan 10:00 (7 days, within); standard, 1 Jan -> 2 Feb (32 days, over).
        // January: north 1 (0 within, 8 days), south 1 (1 within). February: north 1 (1 within), south 1 (0 within).
        var ava = await ChildAsync("Ava");
        async Task RequestAsync(string id, string unit, string requested, string completed, string? priority)
        {
            await RecordAsync($"{id}-r", "forensic-request", requested, unit,
                priority is null ? new { requestId = id, device = "phone" } : new { requestId = id, device = "phone", priority }, (ava, "victim"));
            await RecordAsync($"{id}-c", "forensic-completed", completed, unit, new { requestId = id, findings = "Messages recovered" }, (ava, "victim"));
        }
        await RequestAsync("dfu-n1", "pp-north", "2026-01-10T10:00:00Z", "2026-01-18T10:00:00Z", "high");
        await RequestAsync("dfu-n2", "pp-north", "2026-01-05T10:00:00Z", "2026-02-03T10:00:00Z", null);
        await RequestAsync("dfu-s1", "pp-south", "2026-01-20T10:00:00Z", "2026-01-27T10:00:00Z", "high");
        await RequestAsync("dfu-s2", "pp-south", "2026-01-01T10:00:00Z", "2026-02-02T10:00:00Z", null);

        var figures = await FiguresAsync(JusticeMeasures.ForensicWaitingTime, MeasureSplit.Bcu);

        Assert.Equal((1, 0), Cell(figures, 2026, 1, "north"));
        Assert.Equal(8, Average(figures, 2026, 1, "north"));
        Assert.Equal((1, 1), Cell(figures, 2026, 1, "south"));
        Assert.Equal((1, 1), Cell(figures, 2026, 2, "north"));
        Assert.Equal((1, 0), Cell(figures, 2026, 2, "south"));
        Assert.Equal(["dfu-n2", "dfu-s1"], (await CasesAsync(JusticeMeasures.ForensicWaitingTime, MeasureSubset.Met)).Select(r => r.CaseId).Order());
    }

    [Fact]
    public async Task Offender_visits_fall_in_the_month_they_were_due_and_overdue_ones_count_against_once_the_date_passes()
    {
        // North: high risk (every 3 months), registered 1 Oct 2025 10:00; visited 20 Dec: the visit due 1 Jan 10:00 was on time
        //   (January). The next, due 20 Mar, is not due yet.
        // South: very high risk (monthly), registered 15 Nov 2025; first visit 10 Jan: the visit due 15 Dec was late (December).
        //   The next, due 10 Feb, was never done: overdue (February).
        var olly = await AdultAsync("Olly");
        var pete = await AdultAsync("Pete");
        async Task RegisterAsync(string id, string unit, string offender, string at, string risk) =>
            await RecordAsync(id, "offender-registered", at, unit,
                new { riskLevel = risk, mappaCategory = 1, mappaLevel = 1, offenderManager = "user:om-jones" }, (offender, "offender"));
        await RegisterAsync("reg-n", "pp-north", olly, "2025-10-01T10:00:00Z", "high");
        await RecordAsync("visit-n", "offender-visit", "2025-12-20T10:00:00Z", "pp-north", new { notes = "Home visit" }, (olly, "offender"));
        await RegisterAsync("reg-s", "pp-south", pete, "2025-11-15T10:00:00Z", "very-high");
        await RecordAsync("visit-s", "offender-visit", "2026-01-10T10:00:00Z", "pp-south", new { notes = "Home visit" }, (pete, "offender"));

        var figures = await FiguresAsync(JusticeMeasures.OffenderVisitsOnTime, MeasureSplit.Bcu, "2025-10", "2026-03");

        Assert.Equal((1, 1), Cell(figures, 2026, 1, "north"));
        Assert.Equal((0, 0), Cell(figures, 2026, 3, "north"));
        Assert.Equal((1, 0), Cell(figures, 2025, 12, "south"));
        Assert.Equal((1, 0), Cell(figures, 2026, 2, "south"));
        Assert.Equal(0.95, figures.Target);
    }

    [Fact]
    public async Task Children_refused_bail_count_in_the_month_of_the_night_check_and_those_still_in_a_cell_are_held_overnight()
    {
        // North: Ava charged 10 Feb 20:00, refused bail, transferred 23:00 -> not held. Ben charged 12 Feb 19:00, refused bail,
        //   transfer asked for, still in the cell -> held. Cara charged with bail -> not counted. An adult suspect refused bail
        //   -> not counted.
        // South: Dev charged on the last evening of January (31 Jan 22:00), refused bail, released 1 Feb 09:00 -> held at the
        //   02:00 check on 1 Feb -> February.
        // February: 3 counted, 2 held (north 2, 1 held; south 1, 1 held). Ben restricted: an outsider sees 2, 1 held.
        var ava = await ChildAsync("Ava");
        var ben = await ChildAsync("Ben");
        var cara = await ChildAsync("Cara");
        var dev = await ChildAsync("Dev");
        var sam = await AdultAsync("Sam");
        async Task ChargeAsync(string id, string unit, string person, string role, string charged, bool bailRefused)
        {
            var at = DateTimeOffset.Parse(charged, System.Globalization.CultureInfo.InvariantCulture);
            await RecordAsync($"{id}-d", "custody-detained", at.AddHours(-4).ToString("O"), unit, new { custodyId = id, appropriateAdult = "Parent" }, (person, role));
            await RecordAsync($"{id}-c", "custody-charged", charged, unit, new { custodyId = id, bailRefused }, (person, role));
        }
        await ChargeAsync("cu-ava", "pp-north", ava, "child", "2026-02-10T20:00:00Z", true);
        await RecordAsync("cu-ava-t", "custody-transfer-outcome", "2026-02-10T23:00:00Z", "pp-north", new { custodyId = "cu-ava", outcome = "transferred" }, (ava, "child"));
        await ChargeAsync("cu-ben", "pp-north", ben, "child", "2026-02-12T19:00:00Z", true);
        await RecordAsync("cu-ben-r", "custody-transfer-requested", "2026-02-12T19:30:00Z", "pp-north",
            new { custodyId = "cu-ben", accommodation = "non-secure", localAuthority = "LA-N" }, (ben, "child"));
        await ChargeAsync("cu-cara", "pp-north", cara, "child", "2026-02-14T19:00:00Z", false);
        await ChargeAsync("cu-sam", "pp-north", sam, "suspect", "2026-02-15T19:00:00Z", true);
        await ChargeAsync("cu-dev", "pp-south", dev, "child", "2026-01-31T22:00:00Z", true);
        await RecordAsync("cu-dev-x", "custody-released", "2026-02-01T09:00:00Z", "pp-south", new { custodyId = "cu-dev" }, (dev, "child"));
        await RestrictAsync(ben);

        var byBcu = await FiguresAsync(JusticeMeasures.HeldOvernight, MeasureSplit.Bcu, reader: Named);
        var outsider = await FiguresAsync(JusticeMeasures.HeldOvernight, MeasureSplit.Force, reader: Outsider);

        Assert.Equal((2, 1), Cell(byBcu, 2026, 2, "north"));
        Assert.Equal((1, 1), Cell(byBcu, 2026, 2, "south"));
        Assert.Equal((0, 0), Cell(byBcu, 2026, 1, "south"));
        Assert.Equal((2, 1), Cell(outsider, 2026, 2));
        Assert.False(byBcu.Definition.HigherIsBetter);

        // Ben was in fact moved to local authority accommodation at 23:30: no longer held overnight.
        await RecordAsync("cu-ben-t", "custody-transfer-outcome", "2026-02-12T23:30:00Z", "pp-north", new { custodyId = "cu-ben", outcome = "transferred" }, (ben, "child"));
        Assert.Equal((2, 0), Cell(await FiguresAsync(JusticeMeasures.HeldOvernight, MeasureSplit.Bcu, reader: Named), 2026, 2, "north"));
    }

    [Fact]
    public async Task A_referral_is_a_re_referral_when_the_child_had_another_in_the_12_months_before()
    {
        // February 2026: Xavi referred 9 Feb, earlier 10 Feb 2025 (within 12 months) -> re-referral. Yara referred 9 Feb,
        // earlier 8 Feb 2025 (just over 12 months) -> not. Zak referred 10 Feb, earlier a health referral (not to social
        // care) -> not. Wes referred 1 Feb and 20 Feb -> the second is a re-referral. 5 referrals, 2 re-referrals.
        // South (Wes) and north (the others). Correcting Yara's 2025 referral to 12 Feb 2025 makes hers a re-referral: 3.
        var xavi = await ChildAsync("Xavi");
        var yara = await ChildAsync("Yara");
        var zak = await ChildAsync("Zak");
        var wes = await ChildAsync("Wes");
        Task ReferAsync(string id, string unit, string child, string at, string kind = "social-care") =>
            RecordAsync(id, "referral", at, unit, new { to = "LA-NORTH", kind, reason = "Neglect concerns" }, (child, "child"));
        await ReferAsync("ref-x0", "pp-north", xavi, "2025-02-10T10:00:00Z", "mash");
        await ReferAsync("ref-x1", "pp-north", xavi, "2026-02-09T10:00:00Z");
        await ReferAsync("ref-y0", "pp-north", yara, "2025-02-08T10:00:00Z");
        await ReferAsync("ref-y1", "pp-north", yara, "2026-02-09T10:00:00Z");
        await ReferAsync("ref-z0", "pp-north", zak, "2026-01-05T10:00:00Z", "health");
        await ReferAsync("ref-z1", "pp-north", zak, "2026-02-10T10:00:00Z");
        await ReferAsync("ref-w1", "pp-south", wes, "2026-02-01T10:00:00Z");
        await ReferAsync("ref-w2", "pp-south", wes, "2026-02-20T10:00:00Z");

        var force = await FiguresAsync(JusticeMeasures.ReReferrals, MeasureSplit.Force, "2025-01", "2026-03");
        var byBcu = await FiguresAsync(JusticeMeasures.ReReferrals, MeasureSplit.Bcu, "2026-02", "2026-02");

        Assert.Equal((5, 2), Cell(force, 2026, 2));
        Assert.Equal((2, 0), Cell(force, 2025, 2));
        Assert.Equal((0, 0), Cell(force, 2026, 1)); // the health referral is not counted
        Assert.Equal((3, 1), Cell(byBcu, 2026, 2, "north"));
        Assert.Equal((2, 1), Cell(byBcu, 2026, 2, "south"));
        Assert.False(force.Definition.HigherIsBetter);

        await CorrectAsync("ref-y0", new { to = "LA-NORTH", kind = "social-care", reason = "Neglect concerns" }, "2025-02-12T10:00:00Z");

        Assert.Equal((5, 3), Cell(await FiguresAsync(JusticeMeasures.ReReferrals, MeasureSplit.Force, "2026-02", "2026-02"), 2026, 2));
    }
}
