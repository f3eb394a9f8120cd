using Safeguard.Matching.Outcome;

namespace Safeguard.Matching.Tests.Outcome;

public class PersonMatcherTests
{
    private static PersonMatcher Existing(params PersonRecord[] records) => new(records);

    [Fact]
    public void A_stranger_is_no_match()
    {
        var matcher = Existing(A.Person("ann", "lee").Born(1990, 3, 4), A.Person("omar", "khan").Born(2001, 5, 6));
        Assert.IsType<MatchOutcome.NoMatch>(matcher.Match(A.Person("grace", "wood").Born(1975, 1, 2)));
    }

    [Fact]
    public void The_same_person_with_the_same_details_is_a_definite_match()
    {
        var known = A.Person("Robert", "Quennell").Born(2008, 2, 14).LivingAt("4 Mill Lane", "Leeds", "LS1 4AB");
        var matcher = Existing(known, A.Person("ann", "lee").Born(1990, 3, 4));
        var outcome = Assert.IsType<MatchOutcome.DefiniteMatch>(matcher.Match(A.Person("Robert", "Quennell").Born(2008, 2, 14).LivingAt("4 Mill Lane", "Leeds", "LS1 4AB")));
        Assert.Equal(known.Id, outcome.Match.RecordId);
    }

    [Fact]
    public void A_nickname_and_a_day_month_swap_are_offered_as_a_possible_match_with_reasons()
    {
        var known = A.Person("Robert", "Quennell").Born(2008, 2, 11);
        var matcher = Existing(known);
        var outcome = Assert.IsType<MatchOutcome.PossibleMatches>(matcher.Match(A.Person("Bob", "Quennell").Born(2008, 11, 2)));
        var best = Assert.Single(outcome.Candidates);
        Assert.Equal(known.Id, best.RecordId);
        Assert.Contains(best.Explanation.Fields, f => f.Field == "forename" && f.Level == "nickname or variant" && f.Weight > 0);
        Assert.Contains(best.Explanation.Fields, f => f.Field == "dateOfBirth" && f.Level == "day and month swapped");
    }

    [Fact]
    public void Two_equally_likely_records_are_possible_matches_ranked_not_a_definite_one()
    {
        var withoutAddress = A.Person("ann", "quennell").Born(1990, 3, 4);
        var atTheAddress = A.Person("ann", "quennell").Born(1990, 3, 4).LivingAt("4 Mill Lane");
        var matcher = Existing(withoutAddress, atTheAddress);
        var outcome = Assert.IsType<MatchOutcome.PossibleMatches>(matcher.Match(A.Person("ann", "quennell").Born(1990, 3, 4).LivingAt("4 Mill Lane")));
        Assert.Equal([atTheAddress.Id, withoutAddress.Id], outcome.Candidates.Select(c => c.RecordId));
        Assert.True(outcome.Candidates[0].Explanation.MatchWeight > outcome.Candidates[1].Explanation.MatchWeight, "the address agreeing ranks first");
    }

    [Fact]
    public void Records_added_later_are_found()
    {
        var matcher = Existing();
        var added = A.Person("ann", "quennell").Born(1990, 3, 4);
        matcher.Add(added);
        var outcome = Assert.IsType<MatchOutcome.DefiniteMatch>(matcher.Match(A.Person("ann", "quennell").Born(1990, 3, 4)));
        Assert.Equal(added.Id, outcome.Match.RecordId);
        Assert.Equal(1, matcher.Count);
    }

    [Fact]
    public void Thresholds_that_contradict_each_other_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PersonMatcher([], thresholds: new MatchThresholds { PossibleMatch = 0.9, DefiniteMatch = 0.5 }));
}
