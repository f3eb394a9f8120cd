using Safeguard.Matching.Evaluation;

namespace Safeguard.Matching.Tests.Evaluation;

public class PairwiseMetricsTests
{
    [Fact]
    public void Pairwise_metrics_count_pairs_within_clusters()
    {
        // Truth: {0,1,2} {3}. Predicted: {0,1} {2,3}: one right pair of two predicted, of three true.
        var metrics = PairwiseMetrics.Compute([0, 0, 1, 1], ["a", "a", "a", "b"]);
        Assert.Equal(0.5, metrics.Precision);
        Assert.Equal(1.0 / 3, metrics.Recall, 9);
        Assert.Equal(0.4, metrics.F1, 9);
    }
}
