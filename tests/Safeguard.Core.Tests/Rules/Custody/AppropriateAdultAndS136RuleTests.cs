using Safeguard.Core.Recording;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;
using static Safeguard.Core.Tests.Rules.Custody.Custody;

namespace Safeguard.Core.Tests.Rules.Custody;

public class AppropriateAdultAndS136RuleTests
{
    private readonly PersonFacts _child = A.Child().AgedYears(14);

    [Fact]
    public void A_child_booked_in_without_an_appropriate_adult_gets_a_task_due_within_an_hour()
    {
        var booked = An.Event("custody-detained").At("2026-03-03 10:00").Child(_child).With("custodyId", "cust-9");
        var task = new World().With(_child).Record(booked).Single<TaskOutput>(_child, "appropriate-adult");
        Assert.Equal(Time.At("2026-03-03 11:00"), task.DueAt);
        Assert.Equal("custody-appropriate-adult", task.ClosesWhen.EventType);
    }

    [Fact]
    public void A_child_booked_in_with_an_appropriate_adult_needs_no_task() =>
        new World().With(_child).Record(Booked(_child, "2026-03-03 10:00")).None<TaskOutput>(_child, "appropriate-adult");

    [Fact]
    public void The_appropriate_adults_arrival_closes_the_task()
    {
        var arrived = An.Event("custody-appropriate-adult").At("2026-03-03 10:40").Child(_child).With("custodyId", "cust-9").With("appropriateAdult", "Volunteer scheme");
        new World().With(_child).Given(An.Event("custody-detained").At("2026-03-03 10:00").Child(_child).With("custodyId", "cust-9"), arrived)
            .DeriveAt(_child, "2026-03-03 10:45").Single<TaskClosure>(_child, "appropriate-adult");
    }

    [Fact]
    public void S136_detention_ends_within_24_hours()
    {
        var task = new World().With(_child).Record(An.Event("s136-detention").At("2026-03-03 22:00").Child(_child).With("placeOfSafety", "health-based-place-of-safety"))
            .Single<TaskOutput>(_child, "s136-limit");
        Assert.Equal(Time.At("2026-03-04 22:00"), task.DueAt);
        Assert.Equal("s136-ended", task.ClosesWhen.EventType);
    }

    [Fact]
    public void An_s136_extension_adds_12_hours()
    {
        var start = An.Event("s136-detention").At("2026-03-03 22:00").Child(_child).With("placeOfSafety", "hospital");
        var task = new World().With(_child).Given(start, An.Event("s136-extended").At("2026-03-04 20:00").Child(_child).With("s136EventId", start.EventId))
            .DeriveAt(_child, "2026-03-04 20:05").Single<TaskOutput>(_child, "s136-limit");
        Assert.Equal(Time.At("2026-03-05 10:00"), task.DueAt);
    }

    [Fact]
    public void Ending_the_s136_detention_closes_the_task()
    {
        var start = An.Event("s136-detention").At("2026-03-03 22:00").Child(_child).With("placeOfSafety", "hospital");
        new World().With(_child).Given(start, An.Event("s136-ended").At("2026-03-04 09:00").Child(_child).With("s136EventId", start.EventId))
            .DeriveAt(_child, "2026-03-04 09:05").Single<TaskClosure>(_child, "s136-limit");
    }

    private static System.Text.Json.JsonElement Data(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_police_station_is_refused_for_a_child_whose_date_of_birth_is_not_known()
    {
        var found = RecordingStandards.Check("s136-detention", Data("""{"placeOfSafety":"police-station"}"""), [new StandardsPerson(Guid.NewGuid(), "child", null)]);
        Assert.Equal("police-station-not-place-of-safety", Assert.Single(found).Code);
    }

    [Fact]
    public void A_police_station_is_refused_for_someone_who_appears_to_be_under_18()
    {
        var found = RecordingStandards.Check("s136-detention", Data("""{"placeOfSafety":"police-station","appearsUnder18":true}"""), [new StandardsPerson(Guid.NewGuid(), "suspect", null)]);
        var refusal = Assert.Single(found);
        Assert.Contains("health-based place of safety", refusal.Message);
        Assert.Contains("hospital", refusal.Message);
    }

    [Fact]
    public void A_police_station_is_not_refused_for_an_adult() =>
        Assert.Empty(RecordingStandards.Check("s136-detention", Data("""{"placeOfSafety":"police-station"}"""), [new StandardsPerson(Guid.NewGuid(), "suspect", 30)]));
}
