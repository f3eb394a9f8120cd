using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Investigations;

public class NonSpecialistAllocationRuleTests
{
    private static ChronologyEvent Opened(PersonFacts victim, params string[] offences) =>
        An.Event("investigation-opened").Id("open-1").At("2026-02-02 10:00").Victim(victim).With("investigationId", "INV-1").WithList("offenceTypes", offences);

    private static EventBuilder Allocated(PersonFacts victim) =>
        An.Event("investigation-allocated").Id("alloc-1").At("2026-02-02 12:00").Victim(victim).With("investigationId", "INV-1").With("team", "N-CID");

    [Fact]
    public void A_sexual_offence_against_a_child_allocated_with_a_reason_alerts_the_allocated_teams_supervisor_naming_the_skill_missing()
    {
        PersonFacts child = A.Child();
        var alert = new World().With(child).Given(Opened(child, "sexual-assault"))
            .Record(Allocated(child).With("nonSpecialistReason", "Every specialist team is over capacity this week"))
            .Single<AlertOutput>(child, "non-specialist-allocation");

        Assert.Equal(Audiences.SupervisorOf("N-CID"), alert.Audience);
        Assert.Contains("without specialist child abuse investigation", alert.Explanation);
        Assert.Contains("a sexual offence against a child (sexual assault)", alert.Explanation);
        Assert.Equal(["open-1", "alloc-1"], alert.EventIds);
    }

    [Fact]
    public void A_child_flagged_at_risk_of_cse_names_cse_among_the_skills_missing()
    {
        PersonFacts child = A.Child().WithFlag("cse-risk");
        var alert = new World().With(child).Given(Opened(child, "sexual-activity"))
            .Record(Allocated(child).With("nonSpecialistReason", "Suspect already under investigation by CID"))
            .Single<AlertOutput>(child, "non-specialist-allocation");

        Assert.Contains("child sexual exploitation", alert.Explanation);
    }

    [Fact]
    public void An_allocation_without_a_reason_raises_no_alert()
    {
        PersonFacts child = A.Child();
        new World().With(child).Given(Opened(child, "sexual-assault")).Record(Allocated(child)).None<AlertOutput>(child, "non-specialist-allocation");
    }

    [Fact]
    public void An_allocation_about_an_adult_victim_raises_no_alert()
    {
        PersonFacts adult = A.Adult();
        new World().With(adult).Given(Opened(adult, "sexual-assault")).Record(Allocated(adult).With("nonSpecialistReason", "x"))
            .None<AlertOutput>(adult, "non-specialist-allocation");
    }
}
