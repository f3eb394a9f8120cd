using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;
using Safeguard.Matching.Training;

namespace Safeguard.Matching.Tests.Training;

public class UEstimatorTests
{
    [Fact]
    public void U_for_gender_agreement_is_about_one_half_in_a_balanced_population()
    {
        var records = Enumerable.Range(0, 400).Select(i => A.Person("x" + i, "y" + i).WithGender(i % 2 == 0 ? "m" : "f")).ToList();
        var u = UEstimator.Estimate(FeatureTable.Build(records), ComparisonSet.Standard);
        int gender = 7;
        Assert.InRange(u[gender][FieldComparison.Exact], 0.48, 0.52);
    }

    [Fact]
    public void Every_level_keeps_some_probability_even_if_never_seen()
    {
        var records = Enumerable.Range(0, 50).Select(i => A.Person("ann", "lee")).ToList();
        var u = UEstimator.Estimate(FeatureTable.Build(records), ComparisonSet.Standard);
        Assert.All(u[0].Skip(1), value => Assert.True(value > 0));
    }
}
