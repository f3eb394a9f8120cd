using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

/// <summary>K3: briefings reach neighbourhood teams, which acknowledge them; sightings reach the offender manager.</summary>
public class OffenderFeedbackRuleTests
{
    private readonly PersonFacts _offender = A.Adult();

    [Fact]
    public void A_briefing_asks_the_team_to_acknowledge_it_within_seven_days()
    {
        var briefing = An.Event("offender-briefing").At("2026-02-02 09:00").Offender(_offender).With("team", "N-NBH-PLY").With("summary", "Lives near a primary school");
        var task = new World().With(_offender).Record(briefing).Single<TaskOutput>(_offender, "acknowledge-briefing");
        Assert.Equal("N-NBH-PLY", task.AssignedTo);
        Assert.Equal(Time.At("2026-02-09 09:00"), task.DueAt);
        Assert.Equal(("offender-briefing-acknowledged", "briefingEventId", briefing.EventId), (task.ClosesWhen.EventType, task.ClosesWhen.Field, task.ClosesWhen.Value));
    }

    [Fact]
    public void Acknowledging_the_briefing_closes_the_task()
    {
        var briefing = An.Event("offender-briefing").At("2026-02-02 09:00").Offender(_offender).With("team", "N-NBH-PLY").With("summary", "Briefing");
        var world = new World().With(_offender).Given(briefing,
            An.Event("offender-briefing-acknowledged").At("2026-02-03 09:00").Offender(_offender).With("briefingEventId", briefing.EventId));
        Assert.Single(world.Derive(_offender).OfType<TaskClosure>(), c => c.Code == "acknowledge-briefing");
    }

    [Fact]
    public void A_sighting_reaches_the_offender_manager()
    {
        var world = new World().With(_offender).Given(An.Registration(_offender, "2026-01-10 10:00", manager: "user:om-jones"));
        var alert = world.Record(An.Event("offender-sighting").At("2026-02-02 15:30").Offender(_offender).With("kind", "sighting").With("location", "Central Park"))
            .Single<AlertOutput>(_offender, "offender-sighting");
        Assert.Equal("offender-manager:user:om-jones", alert.Audience);
        Assert.Contains("at Central Park", alert.Explanation);
    }

    [Fact]
    public void Registration_suggests_the_registered_sex_offender_flag() =>
        Assert.Contains("MAPPA category 1 level 1", new World().With(_offender).Record(An.Registration(_offender, "2026-01-10 10:00"))
            .Single<FlagSuggestion>(_offender, "registered-sex-offender").Explanation);
}
