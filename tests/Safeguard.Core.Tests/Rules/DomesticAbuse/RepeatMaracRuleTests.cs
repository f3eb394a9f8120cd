using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.DomesticAbuse;

public class RepeatMaracRuleTests
{
    [Fact]
    public void A_new_incident_with_the_same_perpetrator_within_twelve_months_of_the_referral_is_a_repeat_case()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(Da.MaracReferral(victim, "2025-06-01T10:00:00Z", suspect));
        var outputs = world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z"));
        var alert = outputs.Single<AlertOutput>(victim, "repeat-marac");
        Assert.Contains("repeat MARAC case", alert.Explanation);
        Assert.Equal(Audiences.SupervisorOf(Teams.DomesticAbuse), alert.Audience);
        Assert.Contains("repeat case", outputs.Single<TaskOutput>(victim, "marac-referral").Explanation);
    }

    [Fact]
    public void Exactly_twelve_months_after_the_referral_is_still_a_repeat()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(Da.MaracReferral(victim, "2025-02-01T20:00:00Z", suspect));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).Single<AlertOutput>(victim, "repeat-marac");
    }

    [Fact]
    public void Just_over_twelve_months_after_the_referral_is_not_a_repeat()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(Da.MaracReferral(victim, "2025-02-01T19:59:00Z", suspect));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).None<AlertOutput>(victim, "repeat-marac");
    }

    [Fact]
    public void A_different_perpetrator_is_not_a_repeat()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect(), other = A.Suspect();
        var world = new World().With(victim, suspect, other).Given(Da.MaracReferral(victim, "2025-06-01T10:00:00Z", suspect));
        world.Record(Da.Incident(victim, other, "2026-02-01T20:00:00Z")).None<AlertOutput>(victim, "repeat-marac");
    }

    [Fact]
    public void The_perpetrator_is_taken_from_the_dash_before_a_referral_that_names_nobody()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(
            Da.Dash(victim, "2025-05-30T10:00:00Z", yes: 15, suspect: suspect), Da.MaracReferral(victim, "2025-06-01T10:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).Single<AlertOutput>(victim, "repeat-marac");
    }

    [Fact]
    public void No_referral_no_repeat()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        new World().With(victim, suspect).Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).None<AlertOutput>(victim, "repeat-marac");
    }

    [Fact]
    public void The_repeat_window_is_a_setting()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).WithSetting("DA3.repeatMaracMonths", 6).Given(Da.MaracReferral(victim, "2025-06-01T10:00:00Z", suspect));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).None<AlertOutput>(victim, "repeat-marac");
    }
}

public class RepeatMaracAndEscalationTogetherTests
{
    [Fact]
    public void A_repeat_case_that_is_also_escalation_raises_one_referral_task_saying_it_is_a_repeat()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(
            Da.Incident(victim, suspect, "2025-08-01T20:00:00Z"), Da.Incident(victim, suspect, "2025-11-01T20:00:00Z"),
            Da.MaracReferral(victim, "2025-11-03T10:00:00Z", suspect));
        var outputs = world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z"));
        Assert.Contains("repeat case", outputs.Single<TaskOutput>(victim, "marac-referral").Explanation);
        outputs.Single<FlagSuggestion>(victim, "da-high-risk");
    }
}
