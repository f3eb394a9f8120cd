using Safeguard.Matching.Model;
using Safeguard.Matching.Scoring;

namespace Safeguard.Matching.Deduplication;

/// <summary>The outcome of deduplicating one set of records.</summary>
public sealed class DeduplicationResult
{
    private readonly PairScorer _scorer;

    internal DeduplicationResult(IReadOnlyList<string> ids, int[] clusters, long candidatePairs, long matchedPairs, PairScorer scorer)
    {
        Ids = ids;
        Clusters = clusters;
        CandidatePairs = candidatePairs;
        MatchedPairs = matchedPairs;
        _scorer = scorer;
    }

    /// <summary>Record ids, in input order.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Cluster number of each record, in input order; one cluster is one person.</summary>
    public IReadOnlyList<int> Clusters { get; }

    /// <summary>Pairs compared after blocking.</summary>
    public long CandidatePairs { get; }

    /// <summary>Pairs at or above the clustering threshold.</summary>
    public long MatchedPairs { get; }

    /// <summary>Time spent in each stage (prepare, block and compare, train, score and cluster).</summary>
    public IReadOnlyDictionary<string, TimeSpan> StageTimes { get; internal set; } = new Dictionary<string, TimeSpan>();

    /// <summary>The model learned from the records.</summary>
    public MatchModel Model => _scorer.Model;

    /// <summary>Why records at input positions <paramref name="i"/> and <paramref name="j"/> do or do not match.</summary>
    public MatchExplanation Explain(int i, int j) => _scorer.Explain(i, j);
}
