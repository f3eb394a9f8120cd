using Safeguard.Matching.Features;
using Safeguard.Matching.Model;
using Safeguard.Matching.Scoring;

namespace Safeguard.Matching.Tests.Scoring;

public class MoveOfHouseTests
{
    [Fact]
    public void A_move_of_house_counts_once_not_once_per_address_field()
    {
        var before = A.Person("ann", "quennell").Born(1990, 3, 4).LivingAt("4 Mill Lane", "Leeds", "LS1 4AB");
        var after = A.Person("ann", "quennell").Born(1990, 3, 4).LivingAt("19 Harbour Road", "Hull", "HU2 8ZZ");
        var explanation = new PairScorer(FeatureTable.Build([before, after]), MatchModel.CreateDefault()).Explain(0, 1);

        var address = explanation.Fields.Where(f => f.Field is "addressLine" or "town" or "postcode").ToList();
        Assert.Single(address, f => f.Weight < 0);
        Assert.Equal(2, address.Count(f => f.Weight == 0 && f.Level.Contains("counted once")));
    }

    [Fact]
    public void A_single_disagreeing_address_field_counts_in_full()
    {
        var a = A.Person("ann", "quennell").LivingAt("4 Mill Lane", "Leeds", "LS1 4AB");
        var b = A.Person("ann", "quennell").LivingAt("4 Mill Lane", "Leeds", "M2 8ZZ");
        var explanation = new PairScorer(FeatureTable.Build([a, b]), MatchModel.CreateDefault()).Explain(0, 1);
        Assert.True(explanation.Fields.Single(f => f.Field == "postcode").Weight < 0);
    }
}
