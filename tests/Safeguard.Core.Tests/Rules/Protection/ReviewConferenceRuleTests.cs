using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Protection;

public class ReviewConferenceRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private static EventBuilder Conference(PersonFacts child, string kind, string at, string? plan = "neglect")
    {
        var e = An.Event("meeting").At(at).Child(child).With("kind", kind).With("policeAttended", true);
        return plan is null ? e : e.With("planCategory", plan);
    }

    [Fact]
    public void An_icpc_that_makes_a_plan_makes_the_first_review_due_three_months_later()
    {
        var task = new World().With(_child).Record(Conference(_child, "icpc", "2026-01-15 10:00")).Single<TaskOutput>(_child, "review-conference");
        Assert.Equal(Time.At("2026-04-15 09:00"), task.DueAt); // 10:00 GMT in January is 10:00 BST in April, 09:00 UTC
        Assert.Equal(("meeting", "kind", "review-cp"), (task.ClosesWhen.EventType, task.ClosesWhen.Field, task.ClosesWhen.Value));
        Assert.Equal("social-care", task.AssignedTo);
    }

    [Fact]
    public void A_review_that_keeps_the_plan_makes_the_next_review_due_six_months_later()
    {
        var task = new World().With(_child).Record(Conference(_child, "review-cp", "2026-04-14 10:00")).Single<TaskOutput>(_child, "review-conference");
        Assert.Equal(Time.At("2026-10-14 10:00"), task.DueAt); // 11:00 BST in April is 11:00 BST in October too
    }

    [Fact]
    public void A_conference_without_a_plan_makes_no_review_due()
    {
        new World().With(_child).Record(Conference(_child, "icpc", "2026-01-15 10:00", plan: null)).None<TaskOutput>(_child, "review-conference");
        new World().With(_child).Record(Conference(_child, "review-cp", "2026-04-14 10:00", plan: null)).None<TaskOutput>(_child, "review-conference");
    }

    [Theory]
    [InlineData("marac")]
    [InlineData("mappa")]
    [InlineData("cse-risk")]
    public void Other_meetings_make_no_review_due(string kind) =>
        new World().With(_child).Record(Conference(_child, kind, "2026-01-15 10:00")).None<TaskOutput>(_child, "review-conference");

    [Fact]
    public void A_review_on_the_due_day_closes_the_task_but_the_conference_never_closes_its_own()
    {
        var at = Time.At("2026-01-15 10:00");
        PersonFacts child = A.Child().WithOpenTask("review", "review-conference", new TaskFulfilment("meeting", "kind", "review-cp", at.AddTicks(1)));
        var world = new World().With(child);
        Assert.Empty(world.Record(Conference(child, "review-cp", "2026-01-15 10:00")).OfType<TaskClosure>());
        world.Record(Conference(child, "review-cp", "2026-04-15 09:00")).Single<TaskClosure>(child, "review-conference");
    }

    [Fact]
    public void An_icpc_does_not_close_a_review_that_is_due()
    {
        PersonFacts child = A.Child().WithOpenTask("review", "review-conference", new TaskFulfilment("meeting", "kind", "review-cp", Time.At("2026-01-15 10:00")));
        Assert.Empty(new World().With(child).Record(Conference(child, "icpc", "2026-03-01 10:00")).OfType<TaskClosure>());
    }

    [Fact]
    public void Months_come_from_settings()
    {
        Assert.Equal(Time.At("2026-03-15 10:00"), new World().With(_child).WithSetting("WT4.firstReviewConferenceMonths", 2)
            .Record(Conference(_child, "icpc", "2026-01-15 10:00")).Single<TaskOutput>(_child, "review-conference").DueAt);
        Assert.Equal(Time.At("2026-06-15 09:00"), new World().With(_child).WithSetting("WT4.reviewConferenceMonths", 5)
            .Record(Conference(_child, "review-cp", "2026-01-15 10:00")).Single<TaskOutput>(_child, "review-conference").DueAt);
    }
}
