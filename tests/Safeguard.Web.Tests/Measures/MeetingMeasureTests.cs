using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;

namespace Safeguard.Web.Tests.Measures;

/// <summary>M1, I6: police attendance at child protection conferences (initial and review), by the month they were held.</summary>
public sealed class MeetingMeasureTests : BcuPairMeasureTest
{
    private const string Measure = MeetingMeasures.ConferenceAttendance;

    private Task MeetingAsync(string id, string kind, string unit, string at, bool attended, params string[] children) =>
        RecordAsync(id, "meeting", at, unit, Data(kind, attended), children.Select(c => (c, "child")).ToArray());

    private static object Data(string kind, bool attended) => (attended, kind == "cse-risk") switch
    {
        (true, false) => new { kind, invitedAgencies = new[] { "police", "social-care" }, policeAttended = true, policeAttendee = "DS Patel", policeAttendeeRank = "Detective sergeant", planCategory = "neglect" },
        (true, true) => new { kind, invitedAgencies = new[] { "police", "social-care" }, policeAttended = true, policeAttendee = "DS Patel", policeAttendeeRank = "Detective sergeant" },
        _ => (object)new { kind, invitedAgencies = new[] { "police", "social-care" }, policeAttended = false, planCategory = "neglect" },
    };

    [Fact]
    public async Task Conferences_held_are_counted_by_month_and_bcu_with_those_the_police_attended()
    {
        // North, February: an initial conference attended, a review conference not attended -> 1 of 2. A MARAC and a strategy
        // discussion in February are not conferences. South: an initial conference on the last evening of January (31 Jan
        // 23:30 London), attended -> January, 1 of 1.
        var ava = await ChildAsync("Ava");
        var ben = await ChildAsync("Ben");
        var cara = await ChildAsync("Cara");
        await MeetingAsync("icpc-n", "icpc", "pp-north", "2026-02-03T10:00:00Z", true, ava);
        await MeetingAsync("rcpc-n", "review-cp", "pp-north", "2026-02-10T10:00:00Z", false, ben);
        await MeetingAsync("cse-n", "cse-risk", "pp-north", "2026-02-11T10:00:00Z", true, ben);
        await RecordAsync("sd-n", "strategy-discussion", "2026-02-12T10:00:00Z", "pp-north",
            new { agencies = new[] { "police", "social-care" }, section47 = true, decisions = new[] { new { text = "Section 47 enquiry", owner = "LA social worker" } } },
            (ben, "child"));
        await MeetingAsync("icpc-s", "icpc", "pp-south", "2026-01-31T23:30:00Z", true, cara);

        var byBcu = await FiguresAsync(Measure, MeasureSplit.Bcu);
        var byAuthority = await FiguresAsync(Measure, MeasureSplit.LocalAuthority);

        Assert.Equal((2, 1), Cell(byBcu, 2026, 2, "north"));
        Assert.Equal((1, 1), Cell(byBcu, 2026, 1, "south"));
        Assert.Equal((0, 0), Cell(byBcu, 2026, 2, "south"));
        Assert.Equal([("Northshire Council", 2, 1), ("Southshire Council", 1, 1)], byAuthority.Totals.Select(t => (t.Unit!, t.Counted, t.Met)));
        Assert.Equal(0.95, byBcu.Target);
        var missed = Assert.Single(await CasesAsync(Measure, MeasureSubset.NotMet));
        Assert.Equal("rcpc-n", missed.CaseId);
    }

    [Fact]
    public async Task A_conference_about_two_children_counts_for_each_and_a_restricted_child_is_left_out_for_others()
    {
        // One review conference about two siblings, not attended: 2 of 2 not attended; an outsider, kept out of the
        // restricted sibling's record, sees 1. Corrected to attended: 2 of 2 attended.
        var dev = await ChildAsync("Dev", "Sibling");
        var eve = await ChildAsync("Eve", "Sibling");
        await MeetingAsync("rcpc-sib", "review-cp", "pp-south", "2026-02-18T10:00:00Z", false, dev, eve);
        await RestrictAsync(eve);

        Assert.Equal((2, 0), Cell(await FiguresAsync(Measure, MeasureSplit.Force, reader: Named), 2026, 2));
        Assert.Equal((1, 0), Cell(await FiguresAsync(Measure, MeasureSplit.Force, reader: Outsider), 2026, 2));

        await CorrectAsync("rcpc-sib", Data("review-cp", true));

        Assert.Equal((2, 2), Cell(await FiguresAsync(Measure, MeasureSplit.Force, reader: Named), 2026, 2));
    }
}
