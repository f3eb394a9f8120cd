using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;
using static Safeguard.Core.Tests.Rules.Custody.Custody;

namespace Safeguard.Core.Tests.Rules.Custody;

public class TransferAndOvernightRuleTests
{
    private readonly PersonFacts _child = A.Child().AgedYears(15);

    [Fact]
    public void Charged_and_refused_bail_a_transfer_request_is_due_at_once()
    {
        var task = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00"))
            .DeriveAt(_child, "2026-03-03 20:05").Single<TaskOutput>(_child, "custody-transfer-request");
        Assert.Equal(Time.At("2026-03-03 21:00"), task.DueAt);
        Assert.Equal("custody-transfer-requested", task.ClosesWhen.EventType);
        Assert.Equal("cust-1", task.ClosesWhen.Value);
    }

    [Fact]
    public void Bail_granted_needs_no_transfer_and_no_night_check()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00", bailRefused: false))
            .DeriveAt(_child, "2026-03-03 20:05");
        outputs.None<TaskOutput>(_child, "custody-transfer-request");
        outputs.None<WakeUp>(_child, "child-held-overnight");
    }

    [Fact]
    public void The_request_closes_the_task()
    {
        var request = TransferRequested(_child, "2026-03-03 20:30", "secure");
        var closure = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00"), request)
            .DeriveAt(_child, "2026-03-03 20:35").Single<TaskClosure>(_child, "custody-transfer-request");
        Assert.Equal(request.EventId, closure.ClosedByEventId);
    }

    [Fact]
    public void Charged_in_the_evening_a_wake_up_is_set_for_02_00_that_night()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00")).DeriveAt(_child, "2026-03-03 20:05");
        Assert.Equal(Time.At("2026-03-04 02:00"), outputs.Single<WakeUp>(_child, "child-held-overnight").At);
        outputs.None<AlertOutput>(_child, "child-held-overnight");
    }

    [Fact]
    public void Still_in_a_cell_at_02_00_without_a_request_alerts_the_custody_inspector_during_the_night()
    {
        var alert = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00"))
            .DeriveAt(_child, "2026-03-04 02:00").Single<AlertOutput>(_child, "child-held-overnight");
        Assert.Equal("custody-inspector", alert.Audience);
        Assert.Equal(Time.At("2026-03-04 02:00"), alert.EffectiveAt);
        Assert.Contains("no request for local authority accommodation", alert.Explanation);
    }

    [Fact]
    public void A_certificate_of_impracticability_is_named_in_the_alert()
    {
        var alert = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00"),
                TransferRequested(_child, "2026-03-03 20:20"), TransferOutcome(_child, "2026-03-03 23:00", "impracticable-certified"))
            .DeriveAt(_child, "2026-03-04 02:00").Single<AlertOutput>(_child, "child-held-overnight");
        Assert.Contains("certified a transfer impracticable", alert.Explanation);
    }

    [Fact]
    public void Transferred_before_the_night_check_raises_no_alert()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00"),
                TransferRequested(_child, "2026-03-03 20:20"), TransferOutcome(_child, "2026-03-04 01:59", "transferred"))
            .DeriveAt(_child, "2026-03-04 03:00");
        outputs.None<AlertOutput>(_child, "child-held-overnight");
        outputs.None<WakeUp>(_child, "child-held-overnight");
    }

    [Fact]
    public void Charged_after_the_night_check_is_checked_the_following_night() =>
        Assert.Equal(Time.At("2026-03-05 02:00"), new World().With(_child).Given(Booked(_child, "2026-03-03 22:00"), Charged(_child, "2026-03-04 03:00"))
            .DeriveAt(_child, "2026-03-04 03:05").Single<WakeUp>(_child, "child-held-overnight").At);

    [Fact]
    public void The_night_check_time_comes_from_settings() =>
        Assert.Equal(Time.At("2026-03-04 00:00"), new World().With(_child).WithSetting("CU4.overnightCheckMinutes", 0)
            .Given(Booked(_child, "2026-03-03 16:00"), Charged(_child, "2026-03-03 20:00")).DeriveAt(_child, "2026-03-03 20:05")
            .Single<WakeUp>(_child, "child-held-overnight").At);
}
