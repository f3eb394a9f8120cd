using Safeguard.Core.Profiles;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Profiles;

public class ExplanationTextTests
{
    private static readonly Guid Amy = Guid.NewGuid(), Ben = Guid.NewGuid(), Sam = Guid.NewGuid();

    private static ExplanationText ReaderSeeing(params Guid[] visible)
    {
        var names = new Dictionary<Guid, string> { [Amy] = "Amy Cole", [Ben] = "Ben Ash", [Sam] = "Sam Reed" };
        return new ExplanationText(visible.ToDictionary(id => id, id => names[id]), names.Keys.Except(visible).ToHashSet());
    }

    [Fact]
    public void A_reader_who_may_see_everyone_reads_names_and_uk_dates()
    {
        var text = $"{Mention.Person(Sam)} is linked to {Mention.People([Amy, Ben])} since {Mention.Time(Time.At("2026-07-04 13:05"))}.";

        var rendered = ReaderSeeing(Amy, Ben, Sam).Render(text);

        // 13:05 UTC in July is 14:05 in London (BST).
        Assert.Equal("Sam Reed is linked to Amy Cole and Ben Ash since 4 July 2026 at 14:05.", rendered);
    }

    [Fact]
    public void A_person_the_reader_may_not_see_is_another_person_and_never_counted()
    {
        var other = Guid.NewGuid();
        var reader = new ExplanationText(new Dictionary<Guid, string> { [Amy] = "Amy Cole" }, new HashSet<Guid> { Ben, Sam, other });

        var rendered = reader.Render($"{Mention.Person(Sam)} is linked to {Mention.People([Amy, Ben, other])}.");

        Assert.Equal("Another person is linked to Amy Cole and another person.", rendered);
        Assert.DoesNotContain(Ben.ToString(), rendered);
        Assert.DoesNotContain(Sam.ToString(), rendered);
    }

    [Fact]
    public void Ids_of_people_written_into_older_or_hand_written_text_are_named_or_hidden_and_event_ids_stay()
    {
        var eventId = Guid.NewGuid();
        var rendered = ReaderSeeing(Amy).Render($"Seen with {Amy} and {Ben} at {eventId}.");
        Assert.Equal($"Seen with Amy Cole and another person at {eventId}.", rendered);
    }

    [Fact]
    public void Dates_are_london_calendar_dates()
    {
        // 23:30 UTC on 31 March 2026 is already 1 April in London.
        Assert.Equal("1 April 2026", ReaderSeeing().Render(Mention.Date(Time.At("2026-03-31 23:30"))));
        Assert.Equal("1 January 2026 at 09:00", ExplanationText.Time(Time.At("2026-01-01 09:00")));
    }

    [Fact]
    public void The_d4_alert_on_the_first_child_reads_in_plain_words()
    {
        PersonFacts first = A.Child(), second = A.Child(), suspect = A.Suspect();
        var world = new World().With(first, second, suspect)
            .Given(An.Event("incident").At("2026-01-10 20:00").Victim(first).Suspect(suspect).WithList("classifications", "cse").Id("i1"));
        var alert = world.Record(An.Event("ppn").At("2026-03-01 20:00").Child(second).Suspect(suspect).WithList("concerns", "cse").Id("p2"))
            .Single<AlertOutput>(first, "risk-to-other-children");
        var names = new Dictionary<Guid, string> { [first.PersonId] = "Amy Cole", [second.PersonId] = "Ben Ash", [suspect.PersonId] = "Sam Reed" };

        var everyone = new ExplanationText(names, new HashSet<Guid>()).Render(alert.Explanation);
        var keptFromBen = new ExplanationText(names.Where(n => n.Key != second.PersonId).ToDictionary(), new HashSet<Guid> { second.PersonId })
            .Render(alert.Explanation);

        Assert.Equal("Sam Reed, suspect in the incident on 10 January 2026 with this child, is also linked to Ben Ash: a risk to other children.", everyone);
        Assert.Equal("Sam Reed, suspect in the incident on 10 January 2026 with this child, is also linked to another person: a risk to other children.", keptFromBen);
    }

    [Fact]
    public void Every_rule_has_a_plain_name()
    {
        Assert.All(RuleCatalogue.All, r => Assert.DoesNotContain("-", RuleTitles.Of(r.Name).Split(" (")[0].Replace("Safe and well", "")));
        Assert.Equal("Repeat missing (MI5)", RuleTitles.Of("MI5-repeat-missing"));
        Assert.Equal("Custody review due (CU2)", RuleTitles.Of("CU2-custody-review-due"));
    }
}
