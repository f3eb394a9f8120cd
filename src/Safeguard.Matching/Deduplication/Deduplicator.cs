using Safeguard.Matching.Blocking;
using Safeguard.Matching.Clustering;
using Safeguard.Matching.Features;
using Safeguard.Matching.Model;
using Safeguard.Matching.Scoring;
using Safeguard.Matching.Training;

namespace Safeguard.Matching.Deduplication;

/// <summary>Finds the people in one set of records: prepare, block, train, score, cluster.</summary>
public static class Deduplicator
{
    /// <summary>Deduplicates <paramref name="records"/>, learning the model from them.</summary>
    public static DeduplicationResult Run(IReadOnlyList<PersonRecord> records, MatchSettings? settings = null)
    {
        settings ??= new MatchSettings();
        var stages = new StageTimer();
        var table = stages.Time("prepare", () => FeatureTable.Build(records));
        var pairs = stages.Time("block and compare", () =>
            CandidatePairFinder.Find(table, settings.Comparisons, settings.BlockingRules, settings.MaxBlockSize));
        var model = stages.Time("train", () => MatchModelTrainer.Train(table, pairs, settings));
        var result = stages.Time("score and cluster", () => Cluster(table, pairs, model, settings));
        result.StageTimes = stages.Times;
        return result;
    }

    /// <summary>Deduplicates prepared records with a model already trained.</summary>
    public static DeduplicationResult Cluster(FeatureTable table, CandidatePair[] pairs, MatchModel model, MatchSettings settings)
    {
        var scorer = new PairScorer(table, model);
        double threshold = Math.Log2(settings.ClusterThreshold / (1 - settings.ClusterThreshold));
        var scored = new ScoredPair[pairs.Length];
        Parallel.For(0, pairs.Length, k =>
        {
            var p = pairs[k];
            scored[k] = new ScoredPair(p.Left, p.Right, scorer.Score(p.Left, p.Right, p.Pattern));
        });
        long matched = 0;
        foreach (var s in scored) if (s.Weight >= threshold) matched++;
        var clusters = Clusterer.Cluster(table.Count, scored, threshold, settings.MaxClusterSize, settings.MinLinkShare);
        var ids = new string[table.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = table.IdOf(i);
        return new DeduplicationResult(ids, clusters, pairs.Length, matched, scorer);
    }
}
