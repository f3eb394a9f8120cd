using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Referrals;

/// <summary>WT1 (MASH screening within 1 working day of receipt) and WT5 (assessment within 45 working days of referral).</summary>
public class ReferralRuleTests
{
    private static EventBuilder Referral(PersonFacts child, string at, string kind = "mash") =>
        An.Event("referral").At(at).Child(child).Id("ref-1").With("kind", kind).With("to", "LA-NMR").With("reason", "Bruising seen at school");

    private static EventBuilder Next(string type, PersonFacts child, string at) =>
        An.Event(type).At(at).Child(child).With("referralEventId", "ref-1");

    [Fact]
    public void Referral_to_the_mash_on_friday_afternoon_needs_a_screening_decision_by_the_end_of_monday()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).Record(Referral(child, "2026-03-06 15:00")).Single<TaskOutput>(child, "mash-screening");
        Assert.Equal(Time.At("2026-03-09 23:59:59"), task.DueAt);
        Assert.Equal("mash", task.AssignedTo);
        Assert.Equal(("mash-screening", "referralEventId", "ref-1"), (task.ClosesWhen.EventType, task.ClosesWhen.Field, task.ClosesWhen.Value));
    }

    [Fact]
    public void Referral_received_on_a_saturday_counts_from_the_saturday_so_is_due_by_the_end_of_monday()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).Given(Next("referral-received", child, "2026-03-07 10:00"))
            .Record(Referral(child, "2026-03-06 15:00")).Single<TaskOutput>(child, "mash-screening");
        Assert.Equal(Time.At("2026-03-09 23:59:59"), task.DueAt);
    }

    [Fact]
    public void Screening_counts_from_receipt_not_from_sending()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).Given(Next("referral-received", child, "2026-03-10 09:00"))
            .Record(Referral(child, "2026-03-06 15:00")).Single<TaskOutput>(child, "mash-screening");
        Assert.Equal(Time.At("2026-03-11 23:59:59"), task.DueAt);
        Assert.Contains("received on", task.Explanation);
    }

    [Fact]
    public void Easter_bank_holidays_are_not_working_days_for_screening()
    {
        // Thursday 2 April 2026; Good Friday 3 April, the weekend and Easter Monday 6 April pass: end of Tuesday 7 April (BST).
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).Record(Referral(child, "2026-04-02 16:00")).Single<TaskOutput>(child, "mash-screening");
        Assert.Equal(Time.At("2026-04-07 22:59:59"), task.DueAt);
    }

    [Fact]
    public void Screening_within_setting_days_follows_the_setting()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).WithSetting("WT1.referralDecisionWorkingDays", 2).Record(Referral(child, "2026-03-06 15:00"))
            .Single<TaskOutput>(child, "mash-screening");
        Assert.Equal(Time.At("2026-03-10 23:59:59"), task.DueAt);
    }

    [Fact]
    public void Referral_to_health_needs_no_mash_screening_nor_assessment()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var outputs = new World().With(child).Record(Referral(child, "2026-03-06 15:00", kind: "health"));
        outputs.None<TaskOutput>(child, "mash-screening");
        outputs.None<TaskOutput>(child, "social-care-assessment");
    }

    [Fact]
    public void A_screening_decision_naming_the_referral_closes_the_task()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).Record(Referral(child, "2026-03-06 15:00")).Single<TaskOutput>(child, "mash-screening");
        Assert.True(task.ClosesWhen.IsFulfilledBy(Next("mash-screening", child, "2026-03-09 11:00").With("decision", "assessment"), child.PersonId));
        Assert.False(task.ClosesWhen.IsFulfilledBy(An.Event("mash-screening").Child(child).With("referralEventId", "other").With("decision", "assessment"), child.PersonId));
    }

    [Fact]
    public void Unanswered_referral_needs_no_assessment_yet()
    {
        PersonFacts child = A.Child().AgedYears(8);
        new World().With(child).Record(Referral(child, "2026-03-06 15:00")).None<TaskOutput>(child, "social-care-assessment");
    }

    [Fact]
    public void Accepted_referral_to_social_care_needs_an_assessment_within_45_working_days_of_the_referral()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).Given(Next("referral-response", child, "2026-03-03 10:00").With("outcome", "accepted"))
            .Record(Referral(child, "2026-03-02 10:00", kind: "social-care")).Single<TaskOutput>(child, "social-care-assessment");
        // 45 working days from Monday 2 March 2026, past Good Friday, Easter Monday and the early May bank holiday (4 May): Thursday 7 May (BST).
        Assert.Equal(Time.At("2026-05-07 22:59:59"), task.DueAt);
        Assert.Equal("social-care", task.AssignedTo);
        Assert.Equal("assessment-completed", task.ClosesWhen.EventType);
    }

    [Fact]
    public void Screening_to_a_strategy_discussion_needs_an_assessment()
    {
        PersonFacts child = A.Child().AgedYears(8);
        new World().With(child).Given(Next("mash-screening", child, "2026-03-03 10:00").With("decision", "strategy-discussion"))
            .Record(Referral(child, "2026-03-02 10:00")).Single<TaskOutput>(child, "social-care-assessment");
    }

    [Fact]
    public void Screening_to_no_further_action_needs_no_assessment()
    {
        PersonFacts child = A.Child().AgedYears(8);
        new World().With(child).Given(Next("mash-screening", child, "2026-03-03 10:00").With("decision", "no-further-action"))
            .Record(Referral(child, "2026-03-02 10:00")).None<TaskOutput>(child, "social-care-assessment");
    }

    [Fact]
    public void Declined_referral_needs_no_assessment_even_after_a_screening_to_assessment()
    {
        PersonFacts child = A.Child().AgedYears(8);
        new World().With(child)
            .Given(Next("mash-screening", child, "2026-03-03 10:00").With("decision", "assessment"),
                Next("referral-response", child, "2026-03-04 10:00").With("outcome", "declined").With("reason", "Already open to the team"))
            .Record(Referral(child, "2026-03-02 10:00")).None<TaskOutput>(child, "social-care-assessment");
    }

    [Fact]
    public void Assessment_days_follow_the_setting()
    {
        PersonFacts child = A.Child().AgedYears(8);
        var task = new World().With(child).WithSetting("WT5.assessmentWorkingDays", 1)
            .Given(Next("referral-response", child, "2026-03-03 10:00").With("outcome", "accepted"))
            .Record(Referral(child, "2026-03-06 10:00", kind: "social-care")).Single<TaskOutput>(child, "social-care-assessment");
        Assert.Equal(Time.At("2026-03-09 23:59:59"), task.DueAt);
    }
}
