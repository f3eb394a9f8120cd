using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;
using static Safeguard.Core.Tests.Rules.Custody.Custody;

namespace Safeguard.Core.Tests.Rules.Custody;

public class DetentionReviewRuleTests
{
    private readonly PersonFacts _child = A.Child().AgedYears(15);

    [Fact]
    public void First_review_is_due_6_hours_after_booking_and_a_wake_up_is_set_for_then()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00")).DeriveAt(_child, "2026-03-03 10:05");

        var review = outputs.Single<TaskOutput>(_child, "custody-review");
        Assert.Equal(Time.At("2026-03-03 16:00"), review.DueAt);
        Assert.Equal("custody", review.AssignedTo);
        Assert.Equal("custody-review", review.ClosesWhen.EventType);
        Assert.Equal(Time.At("2026-03-03 16:00"), outputs.Single<WakeUp>(_child, "custody-review").At);
    }

    [Fact]
    public void Before_the_first_review_falls_due_no_second_review_is_raised()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00")).DeriveAt(_child, "2026-03-03 15:59");
        Assert.Single(outputs.For<TaskOutput>(_child, "custody-review"));
    }

    [Fact]
    public void A_review_done_closes_its_task_and_raises_the_next_9_hours_after_it()
    {
        var review = Reviewed(_child, "2026-03-03 15:00");
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"), review).DeriveAt(_child, "2026-03-03 15:05");

        var tasks = outputs.For<TaskOutput>(_child, "custody-review").OrderBy(t => t.DueAt).ToList();
        Assert.Equal([Time.At("2026-03-03 16:00"), Time.At("2026-03-04 00:00")], tasks.Select(t => t.DueAt));
        var closure = outputs.Single<TaskClosure>(_child, "custody-review");
        Assert.Equal(tasks[0].Key, closure.Key);
        Assert.Equal(review.EventId, closure.ClosedByEventId);
        Assert.Equal(Time.At("2026-03-03 15:00"), tasks[1].EffectiveAt);
    }

    [Fact]
    public void A_missed_review_raises_the_next_when_the_wake_up_comes_at_its_due_time()
    {
        var world = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"));

        var atDue = world.DeriveAt(_child, "2026-03-03 16:00").For<TaskOutput>(_child, "custody-review").OrderBy(t => t.DueAt).ToList();

        Assert.Equal([Time.At("2026-03-03 16:00"), Time.At("2026-03-04 01:00")], atDue.Select(t => t.DueAt));
        Assert.Equal(Time.At("2026-03-03 16:00"), atDue[1].EffectiveAt);
        Assert.Contains("was due", atDue[1].Explanation);
    }

    [Fact]
    public void A_late_review_moves_the_next_one_to_9_hours_after_it()
    {
        var world = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"), Reviewed(_child, "2026-03-03 18:00"));
        var tasks = world.DeriveAt(_child, "2026-03-03 18:05").For<TaskOutput>(_child, "custody-review").OrderBy(t => t.DueAt).ToList();
        Assert.Equal([Time.At("2026-03-03 16:00"), Time.At("2026-03-04 03:00")], tasks.Select(t => t.DueAt));
    }

    [Fact]
    public void Reviews_stop_at_the_24_hour_limit()
    {
        var tasks = new World().With(_child).Given(Booked(_child, "2026-03-03 00:00")).DeriveAt(_child, "2026-03-05 00:00")
            .For<TaskOutput>(_child, "custody-review");
        // 06:00, then 15:00; the next would be 24:00, the limit itself.
        Assert.Equal([Time.At("2026-03-03 06:00"), Time.At("2026-03-03 15:00")], tasks.Select(t => t.DueAt).Order());
    }

    [Fact]
    public void Charge_before_the_first_review_is_due_means_no_review_is_needed()
    {
        var outputs = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"), Charged(_child, "2026-03-03 14:00", bailRefused: false))
            .DeriveAt(_child, "2026-03-03 20:00");
        outputs.None<TaskOutput>(_child, "custody-review");
        outputs.None<WakeUp>(_child, "custody-review");
    }

    [Fact]
    public void Release_after_a_missed_review_leaves_that_review_open_and_raises_no_more()
    {
        var tasks = new World().With(_child).Given(Booked(_child, "2026-03-03 10:00"), Released(_child, "2026-03-03 17:00"))
            .DeriveAt(_child, "2026-03-04 12:00").For<TaskOutput>(_child, "custody-review");
        Assert.Equal(Time.At("2026-03-03 16:00"), Assert.Single(tasks).DueAt);
    }

    [Fact]
    public void An_adult_detained_gets_no_juvenile_reviews()
    {
        PersonFacts adult = A.Adult();
        new World().With(adult).Given(Booked(adult, "2026-03-03 10:00", role: "suspect")).DeriveAt(adult, "2026-03-03 10:05")
            .None<TaskOutput>(adult, "custody-review");
    }

    [Fact]
    public void Someone_with_no_date_of_birth_who_appears_under_18_is_treated_as_a_child()
    {
        PersonFacts unknown = A.Adult().WithUnknownDateOfBirth();
        var booked = Booked(unknown, "2026-03-03 10:00", role: "suspect").With("appearsUnder18", true);
        new World().With(unknown).Given(booked).DeriveAt(unknown, "2026-03-03 10:05").Single<TaskOutput>(unknown, "custody-review");
    }

    [Fact]
    public void A_17_year_old_booked_as_a_suspect_is_a_child()
    {
        PersonFacts seventeen = A.Suspect().AgedYears(17);
        new World().With(seventeen).Given(Booked(seventeen, "2026-03-03 10:00", role: "suspect")).DeriveAt(seventeen, "2026-03-03 10:05")
            .Single<TaskOutput>(seventeen, "custody-review");
    }

    [Fact]
    public void Review_hours_come_from_settings()
    {
        var review = new World().With(_child).WithSetting("CU2.firstReviewHours", 4).Given(Booked(_child, "2026-03-03 10:00"))
            .DeriveAt(_child, "2026-03-03 10:05").Single<TaskOutput>(_child, "custody-review");
        Assert.Equal(Time.At("2026-03-03 14:00"), review.DueAt);
    }
}
