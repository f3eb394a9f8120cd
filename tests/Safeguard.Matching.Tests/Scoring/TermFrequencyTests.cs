using Safeguard.Matching.Features;
using Safeguard.Matching.Model;
using Safeguard.Matching.Scoring;

namespace Safeguard.Matching.Tests.Scoring;

public class TermFrequencyTests
{
    // A hundred people called Smith, two called Quennell and a thousand others: agreeing on
    // Quennell is rarer than average, so stronger; agreeing on Smith is commoner, so weaker.
    private static FeatureTable Population()
    {
        var records = new List<PersonRecord> { A.Person("ann", "quennell"), A.Person("ann", "quennell") };
        for (int i = 0; i < 100; i++) records.Add(A.Person("ann", "smith"));
        for (int i = 0; i < 1000; i++) records.Add(A.Person("ann", "other" + (char)('a' + i % 26) + (char)('a' + i / 26)));
        return FeatureTable.Build(records);
    }

    [Fact]
    public void Agreeing_on_a_rare_surname_counts_for_more_than_on_a_common_one()
    {
        var scorer = new PairScorer(Population(), MatchModel.CreateDefault());
        var rare = scorer.Explain(0, 1).Fields.Single(f => f.Field == "surname");
        var common = scorer.Explain(2, 3).Fields.Single(f => f.Field == "surname");
        Assert.True(rare.Weight > common.Weight);
        Assert.True(rare.TermFrequencyAdjustment > 0);
        Assert.True(common.TermFrequencyAdjustment < 0);
    }

    [Fact]
    public void Term_frequency_adjusts_only_exact_agreement()
    {
        var table = FeatureTable.Build([A.Person("ann", "smith"), A.Person("ann", "smyth")]);
        var surname = new PairScorer(table, MatchModel.CreateDefault()).Explain(0, 1).Fields.Single(f => f.Field == "surname");
        Assert.Equal(0, surname.TermFrequencyAdjustment);
    }

    [Fact]
    public void A_placeholder_date_shared_by_many_records_is_marked_down()
    {
        var records = Enumerable.Range(0, 2000).Select(i => A.Person("p" + i, "q" + i).Born(1900, 1, 1)).ToList();
        var table = FeatureTable.Build(records);
        var dob = new PairScorer(table, MatchModel.CreateDefault()).Explain(0, 1).Fields.Single(f => f.Field == "dateOfBirth");
        Assert.True(dob.TermFrequencyAdjustment < 0);
    }

    [Fact]
    public void Missing_fields_contribute_no_weight()
    {
        var table = FeatureTable.Build([A.Person("ann", "lee"), A.Person("ann", "lee")]);
        var explanation = new PairScorer(table, MatchModel.CreateDefault()).Explain(0, 1);
        Assert.All(explanation.Fields.Where(f => f.Level == "missing"), f => Assert.Equal(0, f.Weight));
        Assert.Equal(explanation.PriorWeight + explanation.Fields.Sum(f => f.Weight), explanation.MatchWeight, 9);
    }
}
