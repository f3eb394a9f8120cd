using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;
using static Safeguard.Core.Tests.Rules.Custody.Custody;

namespace Safeguard.Core.Tests.Rules.Custody;

public class DetentionLimitRuleTests
{
    private readonly PersonFacts _child = A.Child().AgedYears(16);

    [Fact]
    public void Booking_sets_a_wake_up_at_the_24_hour_limit_and_raises_nothing_yet()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00")).DeriveAt(_child, "2026-03-03 10:05");
        Assert.Equal(Time.At("2026-03-04 10:00"), outputs.Single<WakeUp>(_child, "detention-limit-reached").At);
        outputs.None<AlertOutput>(_child, "detention-limit-reached");
    }

    [Fact]
    public void Still_held_without_charge_at_24_hours_alerts_the_custody_inspector_at_that_time()
    {
        var alert = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00")).DeriveAt(_child, "2026-03-04 10:00")
            .Single<AlertOutput>(_child, "detention-limit-reached");
        Assert.Equal("custody-inspector", alert.Audience);
        Assert.Equal(Time.At("2026-03-04 10:00"), alert.EffectiveAt);
        Assert.Contains("24-hour detention limit", alert.Explanation);
    }

    [Fact]
    public void One_minute_before_the_limit_there_is_no_alert() =>
        new World().With(_child).Given(Booked(_child, "2026-03-03 10:00")).DeriveAt(_child, "2026-03-04 09:59")
            .None<AlertOutput>(_child, "detention-limit-reached");

    [Fact]
    public void Charged_before_the_limit_stops_the_clock()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"), Charged(_child, "2026-03-04 09:59", bailRefused: false))
            .DeriveAt(_child, "2026-03-04 12:00");
        outputs.None<AlertOutput>(_child, "detention-limit-reached");
        outputs.None<WakeUp>(_child, "detention-limit-reached");
    }

    [Fact]
    public void A_superintendents_extension_moves_the_limit_to_36_hours()
    {
        var extension = Reviewed(_child, "2026-03-04 08:00").With("extension", "superintendent").With("extendedToHours", 36);
        var world = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"), extension);
        world.DeriveAt(_child, "2026-03-04 10:00").None<AlertOutput>(_child, "detention-limit-reached");
        var alert = world.DeriveAt(_child, "2026-03-04 22:00").Single<AlertOutput>(_child, "detention-limit-reached");
        Assert.Equal(Time.At("2026-03-04 22:00"), alert.EffectiveAt);
        Assert.Contains("36-hour", alert.Explanation);
    }

    [Fact]
    public void A_superintendent_cannot_extend_beyond_36_hours() =>
        Assert.Equal(Time.At("2026-03-04 22:00"), new World().With(_child)
            .Given(Booked(_child, "2026-03-03 10:00"), Reviewed(_child, "2026-03-04 08:00").With("extension", "superintendent").With("extendedToHours", 48))
            .DeriveAt(_child, "2026-03-04 08:05").Single<WakeUp>(_child, "detention-limit-reached").At);

    [Fact]
    public void Warrants_of_further_detention_extend_up_to_96_hours() =>
        Assert.Equal(Time.At("2026-03-07 10:00"), new World().With(_child)
            .Given(Booked(_child, "2026-03-03 10:00"), Reviewed(_child, "2026-03-04 08:00").With("extension", "warrant").With("extendedToHours", 120))
            .DeriveAt(_child, "2026-03-04 08:05").Single<WakeUp>(_child, "detention-limit-reached").At);

    [Fact]
    public void The_limit_comes_from_settings() =>
        Assert.Equal(Time.At("2026-03-03 22:00"), new World().With(_child).WithSetting("CU3.detentionLimitHours", 12)
            .Given(Booked(_child, "2026-03-03 10:00")).DeriveAt(_child, "2026-03-03 10:05").Single<WakeUp>(_child, "detention-limit-reached").At);
}
