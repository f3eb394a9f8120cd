using Safeguard.Core.Cases;
using Safeguard.Core.Queues;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Cases;

/// <summary>I3, I4, I7: forensic requests and charging files as cases, the police protection spell with the local
/// authority told, and the queue's waiting-time figures.</summary>
public sealed class QueueCaseTests
{
    private static IReadOnlyList<CaseState> Build(string stream, params ChronologyEvent[] events) =>
        CaseBuilder.Build(stream, events.Select(e => new CaseSource(e, "BCU-N")));

    [Fact]
    public void A_forensic_request_waits_until_completed_and_keeps_its_investigation()
    {
        var child = A.Child().Build();
        var request = An.Event("forensic-request").At("2026-02-01 10:00").Child(child).Id("e1")
            .With("requestId", "DFU-1").With("device", "phone").With("investigationId", "INV-7").Build();
        var done = An.Event("forensic-completed").At("2026-02-20 10:00").Child(child).Id("e2").With("requestId", "DFU-1").With("findings", "Images").Build();

        Assert.Equal(["forensic-request:DFU-1"], CaseStreams.Of(request));
        Assert.Equal(["forensic-request:DFU-1"], CaseStreams.Of(done));
        var waiting = Assert.Single(Build("forensic-request:DFU-1", request));
        Assert.Equal((CaseTypes.ForensicRequest, "DFU-1", "waiting", "INV-7"), (waiting.Type, waiting.Id, waiting.Status, waiting.Fields["investigationId"]));
        var completed = Assert.Single(Build("forensic-request:DFU-1", done, request));
        Assert.Equal(("completed", Time.At("2026-02-20 10:00"), "Images"), (completed.Status, completed.ClosedAt, completed.Fields["findings"]));
        Assert.Empty(Build("forensic-request:DFU-1", done));
    }

    [Fact]
    public void A_charging_file_awaits_a_decision_and_is_closed_by_it()
    {
        var child = A.Child().Build();
        var file = An.Event("charging-file-submitted").At("2026-02-01 10:00").Victim(child).With("fileId", "CPS-1").With("offence", "Grooming").Build();
        var decision = An.Event("charging-decision").At("2026-02-15 10:00").Victim(child).With("fileId", "CPS-1").With("decision", "charge").Build();

        Assert.Equal("awaiting-decision", Assert.Single(Build("charging-file:CPS-1", file)).Status);
        var decided = Assert.Single(Build("charging-file:CPS-1", decision, file));
        Assert.Equal(("decided", "charge", Time.At("2026-02-15 10:00")), (decided.Status, decided.Fields["decision"], decided.ClosedAt));
    }

    [Fact]
    public void Telling_the_local_authority_does_not_end_police_protection()
    {
        var child = A.Child().Build();
        var start = An.Event("police-protection").At("2026-03-01 18:00").Child(child).Id("pp1").Build();
        var told = An.Event("police-protection-la-informed").At("2026-03-01 19:00").Child(child).Id("pp1-la")
            .With("localAuthorityInformedAt", Time.At("2026-03-01 19:00")).With("localAuthority", "Northshire").Build();
        var end = An.Event("police-protection-ended").At("2026-03-02 10:00").Child(child).Id("pp1-end").With("outcome", "returned-home").Build();

        var inForce = Assert.Single(Build($"police-protection:{child.PersonId}", told, start));
        Assert.Equal(("in-force", Time.At("2026-03-01 19:00"), "Northshire"), (inForce.Status, inForce.Fields["localAuthorityInformedAt"], inForce.Fields["localAuthority"]));
        var ended = Assert.Single(Build($"police-protection:{child.PersonId}", end, told, start));
        Assert.Equal(("ended", "returned-home"), (ended.Status, ended.Fields["endOutcome"]));
        Assert.Equal(["pp1", "pp1-la", "pp1-end"], ended.EventIds);
    }

    private static QueueEntry Entry(string id, string opened, int targetDays, string? closed, bool overdue = false) =>
        new(id, "forensic", closed is null ? "waiting" : "completed", Time.At(opened), closed is null ? null : Time.At(closed), null, [], "standard", [],
            targetDays, Time.At(opened).AddDays(targetDays), overdue, null, null, null, null);

    [Fact]
    public void Waiting_time_figures_count_an_item_finished_exactly_at_its_target_as_within_it()
    {
        var now = Time.At("2026-03-31 10:00");
        var figures = QueueBoard.Figures(
        [
            Entry("on-target", "2026-03-01 10:00", 7, "2026-03-08 10:00"),
            Entry("a-minute-late", "2026-03-01 10:00", 7, "2026-03-08 10:01"),
            Entry("quick", "2026-03-01 10:00", 30, "2026-03-03 10:00"),
            Entry("waiting", "2026-03-11 10:00", 30, null),
            Entry("overdue", "2026-03-01 10:00", 7, null, overdue: true),
        ], now);
        Assert.Equal((2, 1, 30.0), (figures.Waiting, figures.Overdue, figures.LongestWaitingDays));
        Assert.Equal((3, 7.0, 67), (figures.Done, figures.MedianDaysDone, figures.PercentWithinTarget));
        Assert.Equal(7.0, figures.LongestDaysDone);
    }

    [Fact]
    public void No_finished_items_give_no_figures_rather_than_zero()
    {
        var figures = QueueBoard.Figures([], Time.At("2026-03-31 10:00"));
        Assert.Equal((0, (double?)null, (int?)null), (figures.Done, figures.MedianDaysDone, figures.PercentWithinTarget));
    }
}
