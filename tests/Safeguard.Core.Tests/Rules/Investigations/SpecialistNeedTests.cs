using Safeguard.Core.Investigations;
using Safeguard.Core.Rules.Investigations;

namespace Safeguard.Core.Tests.Rules.Investigations;

public class SpecialistNeedTests
{
    [Fact]
    public void A_sexual_offence_against_a_child_requires_specialist_child_abuse_investigation()
    {
        var need = Assert.Single(SpecialistNeed.For(["sexual-assault"], childVictim: true, []), n => n.Required);
        Assert.Equal(TeamSkills.ChildAbuse, need.Skill);
    }

    [Fact]
    public void A_sexual_offence_against_an_adult_requires_no_child_abuse_skill() =>
        Assert.DoesNotContain(SpecialistNeed.For(["sexual-assault"], childVictim: false, []), n => n.Required);

    [Fact]
    public void Child_sexual_exploitation_requires_the_cse_skill_as_well() =>
        Assert.Equal([TeamSkills.ChildAbuse, TeamSkills.Cse],
            SpecialistNeed.For(["child-sexual-exploitation"], true, []).Where(n => n.Required).Select(n => n.Skill).Order());

    [Fact]
    public void A_cse_flag_makes_cse_required_for_a_sexual_offence_but_only_helpful_for_an_assault()
    {
        Assert.Contains(SpecialistNeed.For(["grooming"], true, ["cse-risk"]), n => n.Skill == TeamSkills.Cse && n.Required);
        Assert.Contains(SpecialistNeed.For(["assault"], true, ["cse-risk"]), n => n.Skill == TeamSkills.Cse && !n.Required);
    }

    [Fact]
    public void Indecent_images_call_for_online_abuse_and_high_tech_crime_skills_as_helpful()
    {
        var needs = SpecialistNeed.For(["indecent-images"], true, []);
        Assert.Contains(needs, n => n.Skill == TeamSkills.OnlineAbuse && !n.Required);
        Assert.Contains(needs, n => n.Skill == TeamSkills.HighTechCrime && !n.Required);
    }

    private static TeamView Team(string code, int caseload, int capacity, string bcu = "N", params string[] skills) =>
        new(code, $"Team {code}", bcu, skills.Length > 0 ? "specialist-child-abuse" : "investigation", capacity, skills, caseload);

    [Fact]
    public void Allocation_recommends_the_team_with_the_required_skill_over_one_with_more_room()
    {
        var advice = AllocationAdvice.For(SpecialistNeed.For(["sexual-assault"], true, []),
            [Team("CID", caseload: 2, capacity: 40), Team("CAIT", caseload: 20, capacity: 25, skills: TeamSkills.ChildAbuse)], "N");

        Assert.Equal("CAIT", advice.Recommended);
        Assert.Contains("Has specialist child abuse investigation", advice.Why, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("20 open investigations against a capacity of 25", advice.Why);
        Assert.True(advice.Options.Single(o => o.Team.Code == "CID").NeedsReason);
    }

    [Fact]
    public void Among_skilled_teams_one_with_room_comes_before_one_at_capacity_and_a_helpful_skill_counts()
    {
        var advice = AllocationAdvice.For(SpecialistNeed.For(["grooming"], true, []),
        [
            Team("FULL", 25, 25, "N", TeamSkills.ChildAbuse, TeamSkills.OnlineAbuse),
            Team("PLAIN", 5, 25, "N", TeamSkills.ChildAbuse),
            Team("ONLINE", 10, 25, "E", TeamSkills.ChildAbuse, TeamSkills.OnlineAbuse),
        ], "N");

        Assert.Equal(["ONLINE", "PLAIN", "FULL"], advice.Options.Select(o => o.Team.Code));
        Assert.Contains("At capacity", string.Join(" ", advice.Options[2].Reasons));
    }

    [Fact]
    public void With_no_skill_needed_the_own_bcu_team_with_room_is_recommended() =>
        Assert.Equal("S-CID", AllocationAdvice.For(SpecialistNeed.For(["neglect"], false, []),
            [Team("N-CID", 1, 40, "N"), Team("S-CID", 30, 40, "S")], "S").Recommended);
}
