using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;

namespace Safeguard.Matching.Training;

/// <summary>Estimates u (the chance that two unrelated records reach each level) from random
/// pairs: almost every random pair is two different people, so no labels are needed.</summary>
public static class UEstimator
{
    /// <summary>u per [field][level], from up to <paramref name="samples"/> random pairs
    /// (every pair when the table is small), with add-one smoothing so that no level is impossible.</summary>
    public static double[][] Estimate(FeatureTable table, ComparisonSet comparisons, int samples = 2_000_000, int seed = 1)
    {
        int n = table.Count, fields = comparisons.Fields.Count;
        var totals = NewCounts(comparisons);
        if (n < 2) return Normalise(totals);
        long allPairs = (long)n * (n - 1) / 2;
        bool exhaustive = allPairs <= samples;
        int chunks = Environment.ProcessorCount * 4;
        var partials = new long[chunks][][];
        Parallel.For(0, chunks, chunk =>
        {
            var counts = NewCounts(comparisons);
            if (exhaustive)
            {
                for (int i = chunk; i < n; i += chunks)
                    for (int j = i + 1; j < n; j++) Count(table, comparisons, counts, i, j);
            }
            else
            {
                var random = new Random(seed * 7919 + chunk);
                for (int s = chunk; s < samples; s += chunks)
                {
                    int i = random.Next(n), j = random.Next(n - 1);
                    if (j >= i) j++;
                    Count(table, comparisons, counts, i, j);
                }
            }
            partials[chunk] = counts;
        });
        foreach (var p in partials)
            for (int f = 0; f < fields; f++)
                for (int l = 0; l < p[f].Length; l++) totals[f][l] += p[f][l];
        return Normalise(totals);
    }

    private static void Count(FeatureTable table, ComparisonSet comparisons, long[][] counts, int i, int j)
    {
        for (int f = 0; f < counts.Length; f++) counts[f][comparisons.Fields[f].Compare(table, i, j)]++;
    }

    private static long[][] NewCounts(ComparisonSet comparisons) =>
        comparisons.Fields.Select(f => new long[f.Levels.Count]).ToArray();

    private static double[][] Normalise(long[][] counts)
    {
        var u = new double[counts.Length][];
        for (int f = 0; f < counts.Length; f++)
        {
            u[f] = new double[counts[f].Length];
            double total = 0;
            for (int l = 1; l < counts[f].Length; l++) total += counts[f][l] + 1;
            for (int l = 1; l < counts[f].Length; l++) u[f][l] = (counts[f][l] + 1) / total;
        }
        return u;
    }
}
