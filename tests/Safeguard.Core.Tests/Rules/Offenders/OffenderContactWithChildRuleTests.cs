using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

public class OffenderContactWithChildRuleTests
{
    private readonly PersonFacts _offender = A.Adult();
    private readonly PersonFacts _child = A.Child();

    private World Registered() => new World().With(_offender, _child).Given(An.Registration(_offender, "2026-01-10 10:00", "high", "user:om-jones"));

    [Fact]
    public void Contact_with_a_child_alerts_the_offender_manager_and_goes_on_the_childs_profile()
    {
        var outputs = Registered().Record(An.Event("offender-contact-with-child").At("2026-02-01 16:00").Offender(_offender).Child(_child));
        var manager = outputs.Single<AlertOutput>(_offender, "offender-contact-with-child");
        var child = outputs.Single<AlertOutput>(_child, "offender-contact-with-child");
        Assert.Equal("offender-manager:user:om-jones", manager.Audience);
        Assert.Equal(Audiences.Supervisor, child.Audience);
        Assert.All(new[] { manager, child }, a => Assert.Equal(["offender-contact-with-child-" + a.EventIds[0].Split('-')[^1]], a.EventIds));
        Assert.Contains("reported in contact with", manager.Explanation);
    }

    [Fact]
    public void Being_named_with_a_child_victim_in_any_event_links_them()
    {
        PersonFacts victim = A.Child().AgedYears(12);
        var outputs = Registered().With(victim).Record(An.Event("incident").At("2026-02-01 16:00").Suspect(_offender).Victim(victim)
            .WithList("classifications", "sexual-abuse"));
        outputs.Single<AlertOutput>(victim, "offender-contact-with-child");
    }

    [Fact]
    public void An_adult_victim_is_not_a_child()
    {
        PersonFacts adult = A.Adult();
        Registered().With(adult).Record(An.Event("incident").At("2026-02-01 16:00").Suspect(_offender).Victim(adult)
            .WithList("classifications", "physical-abuse")).None<AlertOutput>(adult, "offender-contact-with-child");
    }

    [Fact]
    public void Events_before_the_registration_do_not_alert() =>
        new World().With(_offender, _child).Given(An.Registration(_offender, "2026-03-01 10:00"))
            .Record(An.Event("offender-contact-with-child").At("2026-02-01 16:00").Offender(_offender).Child(_child))
            .None<AlertOutput>(_offender, "offender-contact-with-child");

    [Fact]
    public void Someone_not_registered_is_not_alerted_on() =>
        new World().With(_offender, _child).Record(An.Event("offender-contact-with-child").At("2026-02-01 16:00").Offender(_offender).Child(_child))
            .None<AlertOutput>(_child, "offender-contact-with-child");

    [Fact]
    public void An_address_match_names_the_address()
    {
        var alert = Registered().Record(An.Event("offender-address-link").At("2026-01-10 10:00").Offender(_offender).Child(_child)
                .With("address", "14 Church Road").With("postcode", "PL1 4AB"))
            .Single<AlertOutput>(_offender, "offender-contact-with-child");
        Assert.Contains("14 Church Road, PL1 4AB", alert.Explanation);
    }

    [Fact]
    public void Without_a_named_manager_the_alert_goes_to_the_offender_management_unit() =>
        Assert.Equal("offender-manager:offender-management", new World().With(_offender, _child)
            .Given(An.Registration(_offender, "2026-01-10 10:00", manager: ""))
            .Record(An.Event("offender-contact-with-child").At("2026-02-01 16:00").Offender(_offender).Child(_child))
            .Single<AlertOutput>(_offender, "offender-contact-with-child").Audience);
}
