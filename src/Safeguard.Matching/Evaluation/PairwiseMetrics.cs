namespace Safeguard.Matching.Evaluation;

/// <summary>Pairwise precision, recall and F1 of a clustering against known truth: every pair of
/// records put together counts once.</summary>
/// <param name="TruePositives">Pairs put together that are one person.</param>
/// <param name="PredictedPairs">Pairs put together.</param>
/// <param name="TruePairs">Pairs that are one person.</param>
public sealed record PairwiseMetrics(long TruePositives, long PredictedPairs, long TruePairs)
{
    /// <summary>Share of pairs put together that are right.</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)TruePositives / PredictedPairs;

    /// <summary>Share of true pairs put together.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)TruePositives / TruePairs;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Counts pairs through cluster sizes, in linear time.</summary>
    public static PairwiseMetrics Compute<TTruth>(IReadOnlyList<int> predicted, IReadOnlyList<TTruth> truth) where TTruth : notnull
    {
        if (predicted.Count != truth.Count) throw new ArgumentException("One truth label per record is needed.");
        var bothCounts = new Dictionary<(int, TTruth), long>();
        var predictedCounts = new Dictionary<int, long>();
        var truthCounts = new Dictionary<TTruth, long>();
        for (int i = 0; i < predicted.Count; i++)
        {
            Increment(bothCounts, (predicted[i], truth[i]));
            Increment(predictedCounts, predicted[i]);
            Increment(truthCounts, truth[i]);
        }
        return new PairwiseMetrics(PairsIn(bothCounts.Values), PairsIn(predictedCounts.Values), PairsIn(truthCounts.Values));
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static long PairsIn(IEnumerable<long> sizes)
    {
        long pairs = 0;
        foreach (var s in sizes) pairs += s * (s - 1) / 2;
        return pairs;
    }
}
