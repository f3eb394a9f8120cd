using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

public class LateNotificationRuleTests
{
    private readonly PersonFacts _offender = A.Adult();

    [Fact]
    public void Registering_exactly_three_days_after_the_requirement_started_is_on_time() =>
        new World().With(_offender).Record(An.Registration(_offender, "2026-01-18 10:00").With("requirementStartedAt", Time.At("2026-01-15 10:00")))
            .None<AlertOutput>(_offender, "offender-notification-late");

    [Fact]
    public void Registering_a_minute_after_three_days_is_late_and_alerts_the_offender_manager()
    {
        var alert = new World().With(_offender)
            .Record(An.Registration(_offender, "2026-01-18 10:01", manager: "user:om-patel").With("requirementStartedAt", Time.At("2026-01-15 10:00")))
            .Single<AlertOutput>(_offender, "offender-notification-late");
        Assert.Equal("offender-manager:user:om-patel", alert.Audience);
        Assert.Contains("initial notification", alert.Explanation);
    }

    [Fact]
    public void A_change_notified_four_days_after_it_happened_is_late()
    {
        var world = new World().With(_offender).Given(An.Registration(_offender, "2026-01-10 10:00"));
        var alert = world.Record(An.Event("offender-notification").At("2026-02-05 10:00").Offender(_offender).With("kind", "change")
            .With("changeOccurredAt", Time.At("2026-02-01 10:00"))).Single<AlertOutput>(_offender, "offender-notification-late");
        Assert.Contains("change of details", alert.Explanation);
    }

    [Fact]
    public void The_days_allowed_come_from_settings() =>
        new World().With(_offender).WithSetting("SO1.notificationDays", 7)
            .Record(An.Registration(_offender, "2026-01-20 10:00").With("requirementStartedAt", Time.At("2026-01-15 10:00")))
            .None<AlertOutput>(_offender, "offender-notification-late");
}
