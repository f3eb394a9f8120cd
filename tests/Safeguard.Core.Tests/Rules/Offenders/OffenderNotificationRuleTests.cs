using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

public class OffenderNotificationRuleTests
{
    private readonly PersonFacts _offender = A.Adult();

    [Fact]
    public void The_periodic_notification_is_due_a_year_after_registration()
    {
        var task = new World().With(_offender).Record(An.Registration(_offender, "2026-01-15 10:00"))
            .Single<TaskOutput>(_offender, "offender-notification");
        Assert.Equal(Time.At("2027-01-15 10:00"), task.DueAt);
        Assert.Equal("offender-notification", task.ClosesWhen.EventType);
    }

    [Fact]
    public void With_no_fixed_abode_the_next_notification_is_due_in_a_week() =>
        Assert.Equal(Time.At("2026-01-22 10:00"), new World().With(_offender)
            .Record(An.Registration(_offender, "2026-01-15 10:00").With("noFixedAbode", true)).Single<TaskOutput>(_offender, "offender-notification").DueAt);

    [Fact]
    public void Every_notification_starts_the_year_again_and_closes_the_one_due()
    {
        var world = new World().With(_offender).Given(
            An.Registration(_offender, "2026-01-15 10:00"),
            An.Event("offender-notification").At("2026-06-01 09:00").Offender(_offender).With("kind", "change"));
        var outputs = world.Derive(_offender);
        var tasks = outputs.For<TaskOutput>(_offender, "offender-notification");
        var task = Assert.Single(tasks);
        Assert.Equal(Time.At("2027-06-01 09:00"), task.DueAt);
    }

    [Fact]
    public void The_period_comes_from_settings() =>
        Assert.Equal(Time.At("2026-07-15 09:00"), new World().With(_offender).WithSetting("SO1.periodicNotificationMonths", 6)
            .Record(An.Registration(_offender, "2026-01-15 10:00")).Single<TaskOutput>(_offender, "offender-notification").DueAt);
}
