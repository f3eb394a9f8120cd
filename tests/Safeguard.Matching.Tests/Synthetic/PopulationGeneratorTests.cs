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
