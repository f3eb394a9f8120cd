using Safeguard.Matching.Blocking;
using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;

namespace Safeguard.Matching.Tests.Blocking;

public class CandidatePairFinderTests
{
    private static CandidatePair[] Pairs(IReadOnlyList<PersonRecord> records, IReadOnlyList<BlockingRule>? rules = null, int maxBlockSize = 200) =>
        CandidatePairFinder.Find(FeatureTable.Build(records), ComparisonSet.Standard, rules ?? BlockingRules.Standard, maxBlockSize);

    [Fact]
    public void A_pair_found_by_several_rules_is_compared_once()
    {
        var pairs = Pairs([A.Person("ann", "lee").Born(1990, 3, 4).LivingAt("1 a st", "leeds", "LS1 1AA"), A.Person("ann", "lee").Born(1990, 3, 4).LivingAt("1 a st", "leeds", "LS1 1AA")]);
        Assert.Single(pairs);
    }

    [Fact]
    public void Swapped_names_with_the_same_birth_date_are_proposed()
    {
        var pairs = Pairs([A.Person("smith", "john").Born(1990, 3, 4), A.Person("john", "smith").Born(1990, 3, 4)]);
        Assert.Single(pairs);
    }

    [Fact]
    public void A_nickname_without_a_date_of_birth_is_proposed()
    {
        var pairs = Pairs([A.Person("bob", "quennell"), A.Person("robert", "quennell")]);
        Assert.Single(pairs);
    }

    [Fact]
    public void Unrelated_people_are_not_proposed()
    {
        var pairs = Pairs([A.Person("ann", "lee").Born(1990, 3, 4), A.Person("omar", "khan").Born(2001, 7, 8)]);
        Assert.Empty(pairs);
    }

    [Fact]
    public void Blocks_larger_than_the_cap_are_skipped()
    {
        var rule = new BlockingRule("surname", (t, i) => BlockingRule.Combine(1, t.Surname(i)));
        var records = Enumerable.Range(0, 30).Select(i => A.Person("p" + i, "smith")).ToList();
        Assert.Empty(Pairs(records, [rule], maxBlockSize: 20));
        Assert.Equal(30 * 29 / 2, Pairs(records, [rule], maxBlockSize: 30).Length);
    }
}
