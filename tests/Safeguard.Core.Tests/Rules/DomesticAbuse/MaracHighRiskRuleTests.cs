using Safeguard.Core.Rules;
using Safeguard.Core.Rules.DomesticAbuse;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.DomesticAbuse;

public class MaracHighRiskRuleTests
{
    [Fact]
    public void Fourteen_yes_answers_make_the_victim_high_risk_and_a_marac_referral_due()
    {
        PersonFacts victim = A.Adult();
        var outputs = new World().With(victim).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 14));
        var flag = outputs.Single<FlagSuggestion>(victim, "da-high-risk");
        Assert.Contains("14 \"yes\" answers", flag.Explanation);
        var task = outputs.Single<TaskOutput>(victim, "marac-referral");
        Assert.Equal(Teams.DomesticAbuse, task.AssignedTo);
        Assert.Equal(new TaskFulfilment("referral", "kind", "marac", Time.At("2026-02-02T10:00:00Z")), task.ClosesWhen);
        // DA1.maracReferralWorkingDays 1: the end of Tuesday 3 February (London).
        Assert.Equal(Time.At("2026-02-03T23:59:59Z"), task.DueAt);
    }

    [Fact]
    public void Thirteen_yes_answers_are_not_high_risk()
    {
        PersonFacts victim = A.Adult();
        var outputs = new World().With(victim).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 13));
        outputs.None<FlagSuggestion>(victim, "da-high-risk");
        outputs.None<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void Professional_judgement_raises_a_low_count_to_high_risk()
    {
        PersonFacts victim = A.Adult();
        var outputs = new World().With(victim).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 3, judgement: "high"));
        Assert.Contains("professional judgement", outputs.Single<FlagSuggestion>(victim, "da-high-risk").Explanation);
        outputs.Single<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void Professional_judgement_never_lowers_a_high_count()
    {
        PersonFacts victim = A.Adult();
        var dash = Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 16, judgement: "standard");
        new World().With(victim).Record(dash).Single<TaskOutput>(victim, "marac-referral");
        Assert.Equal(DashAssessment.High, DashAssessment.Read(dash).Band(Core.Settings.RuleSettings.Defaults));
    }

    [Fact]
    public void Not_known_answers_do_not_count_as_yes()
    {
        PersonFacts victim = A.Adult();
        var outputs = new World().With(victim).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 13, notKnown: 5));
        outputs.None<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void A_changed_threshold_setting_is_used()
    {
        PersonFacts victim = A.Adult();
        var outputs = new World().With(victim).WithSetting("DA1.highRiskYesCount", 12).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 12));
        outputs.Single<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void No_second_referral_task_while_one_is_open()
    {
        PersonFacts victim = A.Adult().WithOpenTask("earlier", "marac-referral", new TaskFulfilment("referral", "kind", "marac"));
        var outputs = new World().With(victim).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 20));
        outputs.Single<FlagSuggestion>(victim, "da-high-risk");
        outputs.None<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void A_suspect_in_the_dash_gets_nothing()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var outputs = new World().With(victim, suspect).Record(Da.Dash(victim, "2026-02-02T10:00:00Z", yes: 20, suspect: suspect));
        outputs.None<FlagSuggestion>(suspect, "da-high-risk");
        outputs.None<TaskOutput>(suspect, "marac-referral");
    }

    [Fact]
    public void Third_incident_between_the_same_people_in_twelve_months_is_escalation()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(
            Da.Incident(victim, suspect, "2025-04-01T20:00:00Z"), Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        var outputs = world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z"));
        Assert.Contains("3 domestic abuse incidents", outputs.Single<FlagSuggestion>(victim, "da-high-risk").Explanation);
        outputs.Single<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void Two_incidents_are_not_escalation()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).None<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void An_incident_exactly_twelve_months_earlier_still_counts()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(
            Da.Incident(victim, suspect, "2025-02-01T20:00:00Z"), Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).Single<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void An_incident_just_over_twelve_months_earlier_does_not_count()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(
            Da.Incident(victim, suspect, "2025-02-01T19:59:00Z"), Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).None<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void Incidents_with_a_different_person_are_not_counted_together()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect(), other = A.Suspect();
        var world = new World().With(victim, suspect, other).Given(
            Da.Incident(victim, other, "2025-06-01T20:00:00Z"), Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).None<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void Counter_allegations_between_the_same_two_people_count()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).Given(
            Da.Incident(suspect, victim, "2025-06-01T20:00:00Z"), Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).Single<TaskOutput>(victim, "marac-referral");
    }

    [Fact]
    public void Escalation_count_is_a_setting()
    {
        PersonFacts victim = A.Adult(), suspect = A.Suspect();
        var world = new World().With(victim, suspect).WithSetting("DA1.escalationIncidents", 2).Given(Da.Incident(victim, suspect, "2025-10-01T20:00:00Z"));
        world.Record(Da.Incident(victim, suspect, "2026-02-01T20:00:00Z")).Single<TaskOutput>(victim, "marac-referral");
    }
}
