using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Investigations;

public class SupervisoryReviewRuleTests
{
    private readonly PersonFacts _child = A.Child();

    private static EventBuilder Opened(PersonFacts victim, string at, string id = "INV-1") =>
        An.Event("investigation-opened").Id($"open-{id}").At(at).Victim(victim).With("investigationId", id).WithList("offenceTypes", "sexual-assault");

    private static EventBuilder Reviewed(PersonFacts victim, string at, string id = "INV-1") =>
        An.Event("supervisory-review").Id($"review-{id}-{at}").At(at).Victim(victim).With("investigationId", id)
            .With("checked", "Lines of enquiry and the safeguarding plan").WithList("nextActions", "Interview the suspect");

    private static IReadOnlyList<RuleOutput> Derive(World world, PersonFacts person, string now = "2026-12-31 12:00")
    {
        var histories = world.Histories();
        return world.Engine.Derive(histories[person.PersonId], histories, world.Settings, world.Calendar, Time.At(now)).Outputs;
    }

    [Fact]
    public void Opening_an_investigation_of_offences_against_a_child_makes_a_supervisory_review_due_28_days_later()
    {
        var task = new World().With(_child).Record(Opened(_child, "2026-02-02 10:00")).Single<TaskOutput>(_child, "supervisory-review");

        Assert.Equal(Time.At("2026-03-02 10:00"), task.DueAt);
        Assert.Equal(Teams.Investigation, task.AssignedTo);
        Assert.Equal(("supervisory-review", "investigationId", "INV-1"), (task.ClosesWhen.EventType, task.ClosesWhen.Field, task.ClosesWhen.Value));
        Assert.Contains("every 28 days", task.Explanation);
    }

    [Theory]
    [InlineData("2026-02-01 10:00")] // day 27: early
    [InlineData("2026-02-02 10:00")] // day 28: on time
    [InlineData("2026-02-03 10:00")] // day 29: late
    public void A_review_on_day_27_28_or_29_closes_the_review_due_and_the_next_is_due_28_days_after_it(string reviewedAt)
    {
        // Opened 5 January: the first review is due on 2 February (day 28). No clock change falls in these weeks.
        var world = new World().With(_child).Given(Opened(_child, "2026-01-05 10:00"), Reviewed(_child, reviewedAt));
        var outputs = Derive(world, _child);

        var tasks = outputs.For<TaskOutput>(_child, "supervisory-review").OrderBy(t => t.DueAt).ToList();
        Assert.Equal([Time.At("2026-02-02 10:00"), Time.At(reviewedAt).AddDays(28)], tasks.Select(t => t.DueAt));
        var closure = Assert.Single(outputs.OfType<TaskClosure>(), c => c.Code == "supervisory-review");
        Assert.Equal((tasks[0].Key, Time.At(reviewedAt)), (closure.Key, closure.ClosedAt));
    }

    [Fact]
    public void A_review_of_another_investigation_does_not_close_the_review_due()
    {
        var world = new World().With(_child).Given(Opened(_child, "2026-02-02 10:00"), Opened(_child, "2026-02-03 10:00", "INV-2"),
            Reviewed(_child, "2026-02-20 10:00", "INV-2"));

        var outputs = Derive(world, _child);

        var inv1 = Assert.Single(outputs.For<TaskOutput>(_child, "supervisory-review"), t => t.ClosesWhen.Value == "INV-1");
        Assert.DoesNotContain(outputs.OfType<TaskClosure>(), c => c.Key == inv1.Key);
    }

    [Fact]
    public void Closing_the_investigation_before_the_next_review_ends_the_review_clock()
    {
        var world = new World().With(_child).Given(Opened(_child, "2026-02-02 10:00"), Reviewed(_child, "2026-02-20 10:00"),
            An.Event("investigation-closed").At("2026-03-01 10:00").Victim(_child).With("investigationId", "INV-1")
                .With("outcomeForChild", "Suspect charged").With("childInformed", true));

        var tasks = Derive(world, _child).For<TaskOutput>(_child, "supervisory-review");

        Assert.Equal([Time.At("2026-03-02 10:00")], tasks.Select(t => t.DueAt)); // the first, done; none after the closing
    }

    [Fact]
    public void The_interval_comes_from_the_IN1_setting() =>
        Assert.Equal(Time.At("2026-02-16 10:00"), new World().With(_child).WithSetting("IN1.supervisoryReviewDays", 14)
            .Record(Opened(_child, "2026-02-02 10:00")).Single<TaskOutput>(_child, "supervisory-review").DueAt);

    [Fact]
    public void An_investigation_of_offences_against_an_adult_has_no_child_abuse_review()
    {
        PersonFacts adult = A.Adult();
        new World().With(adult).Record(Opened(adult, "2026-02-02 10:00")).None<TaskOutput>(adult, "supervisory-review");
    }
}
