using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Evaluation;
using Safeguard.Matching.Synthetic;

namespace Safeguard.Matching.Tests.Synthetic;

public class PopulationGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_population()
    {
        var a = new PopulationGenerator(9).Generate(500);
        var b = new PopulationGenerator(9).Generate(500);
        Assert.Equal(a.Records, b.Records);
        Assert.Equal(a.PersonOf, b.PersonOf);
    }

    [Fact]
    public void The_population_has_exactly_the_records_asked_for_and_some_duplicates()
    {
        var population = new PopulationGenerator(1).Generate(1000);
        Assert.Equal(1000, population.Records.Count);
        Assert.InRange(population.PersonOf.Distinct().Count(), 400, 700);
    }

    [Fact]
    public void A_generated_population_is_deduplicated_accurately()
    {
        var population = new PopulationGenerator(3).Generate(5000);
        var result = Deduplicator.Run(population.Records);
        Assert.True(PairwiseMetrics.Compute(result.Clusters, population.PersonOf).F1 >= 0.95);
    }
}

public class SyntheticErrorTableTests
{
    [Fact]
    public void Most_of_the_generators_given_name_variants_are_unknown_to_the_matchers_nickname_table()
    {
        var pairs = ErrorTables.GivenNameVariants.SelectMany(kv => kv.Value.Select(v => (Name: kv.Key, Variant: v))).ToList();
        var unknown = pairs.Where(p => !Safeguard.Matching.Text.Nicknames.AreVariants(p.Name, p.Variant)).ToList();

        Assert.True(pairs.Count >= 250, $"only {pairs.Count} variant pairs");
        Assert.True(unknown.Count >= pairs.Count / 2, $"{unknown.Count} of {pairs.Count} variant pairs are unknown to Nicknames");
        Assert.Contains(("katherine", "kathryn"), unknown);
    }

    [Fact]
    public void Copies_of_a_person_carry_given_name_variants_the_matcher_has_never_heard_of()
    {
        var population = new PopulationGenerator(5).Generate(20_000);
        var firstCopy = new Dictionary<int, string>();
        int unknownVariants = 0;
        for (int k = 0; k < population.Records.Count; k++)
        {
            var forename = population.Records[k].Forename;
            if (!firstCopy.TryAdd(population.PersonOf[k], forename ?? "") && forename is not null
                && ErrorTables.GivenNameVariants.TryGetValue(firstCopy[population.PersonOf[k]], out var variants) && variants.Contains(forename)
                && !Safeguard.Matching.Text.Nicknames.AreVariants(firstCopy[population.PersonOf[k]], forename))
                unknownVariants++;
        }
        Assert.True(unknownVariants >= 100, $"{unknownVariants} copies carry a variant unknown to the matcher");
    }
}
