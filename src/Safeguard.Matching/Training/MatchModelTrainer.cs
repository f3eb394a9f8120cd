using Safeguard.Matching.Blocking;
using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;
using Safeguard.Matching.Model;

namespace Safeguard.Matching.Training;

/// <summary>Trains a model from unlabelled records: u from random pairs; m by
/// expectation–maximisation in several rounds, each blocked on different fields; and finally the
/// prior — the chance that two records picked at random are one person — from the candidate pairs.</summary>
public static class MatchModelTrainer
{
    /// <summary>Trains on records that are already prepared and blocked.</summary>
    public static MatchModel Train(FeatureTable table, IReadOnlyList<CandidatePair> candidates, MatchSettings settings)
    {
        var comparisons = settings.Comparisons;
        // Twenty random pairs per record estimate u well; more only costs time on mid-sized files.
        int samples = (int)Math.Min(settings.USamples, Math.Max(200_000, 20L * table.Count));
        var sampled = UEstimator.Estimate(table, comparisons, samples, settings.Seed);
        var m = LearnM(table, comparisons, sampled, settings);
        var patterns = CountPatterns(candidates);
        var prior = EstimatePrior(table.Count, candidates.Count, patterns, comparisons, m, sampled);
        var u = WithoutMatches(sampled, m, prior);
        prior = EstimatePrior(table.Count, candidates.Count, patterns, comparisons, m, u);
        return new MatchModel(comparisons, m, u, prior);
    }

    /// <summary>Prepares, blocks and trains in one call, e.g. on the existing records before
    /// checking new people against them.</summary>
    public static MatchModel Train(IReadOnlyList<PersonRecord> records, MatchSettings? settings = null)
    {
        settings ??= new MatchSettings();
        var table = FeatureTable.Build(records);
        var pairs = CandidatePairFinder.Find(table, settings.Comparisons, settings.BlockingRules, settings.MaxBlockSize);
        return Train(table, pairs, settings);
    }

    // Each field's m is the average over the rounds that did not exclude it.
    private static double[][] LearnM(FeatureTable table, ComparisonSet comparisons, double[][] u, MatchSettings settings)
    {
        var names = comparisons.Fields.Select(f => f.Field).ToArray();
        var initial = InitialM(comparisons);
        var sum = initial.Select(r => new double[r.Length]).ToArray();
        var rounds = new int[names.Length];
        foreach (var session in settings.TrainingSessions)
        {
            var excluded = TrainingSession.ExcludedIndexes(session, names);
            var pairs = CandidatePairFinder.Find(table, comparisons, [session.Rule], settings.MaxBlockSize, settings.MaxTrainingPairs);
            var counts = new Dictionary<uint, long>();
            uint mask = uint.MaxValue;
            foreach (var f in excluded) mask &= ~(0xFu << (4 * f));
            foreach (var p in pairs)
            {
                uint pattern = p.Pattern & mask;
                counts[pattern] = counts.GetValueOrDefault(pattern) + 1;
            }
            if (counts.Count == 0) continue;
            var result = ExpectationMaximisation.Train(comparisons, counts, initial, u, 0.3, maxIterations: settings.MaxIterations);
            for (int f = 0; f < names.Length; f++)
            {
                if (Array.IndexOf(excluded, f) >= 0 || !Observed(counts, f)) continue;
                for (int l = 1; l < sum[f].Length; l++) sum[f][l] += result.M[f][l];
                rounds[f]++;
            }
        }
        for (int f = 0; f < names.Length; f++)
            if (rounds[f] > 0)
                for (int l = 1; l < sum[f].Length; l++) initial[f][l] = sum[f][l] / rounds[f];
        return initial;
    }

    // Parallel because a million records give tens of millions of candidate pairs.
    private static Dictionary<uint, long> CountPatterns(IReadOnlyList<CandidatePair> candidates)
    {
        var total = new Dictionary<uint, long>();
        var gate = new Lock();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, candidates.Count, Math.Max(1, candidates.Count / 16 + 1)),
            () => new Dictionary<uint, long>(),
            (range, _, local) =>
            {
                for (int k = range.Item1; k < range.Item2; k++)
                {
                    uint p = candidates[k].Pattern;
                    local[p] = local.GetValueOrDefault(p) + 1;
                }
                return local;
            },
            local => { lock (gate) foreach (var (p, c) in local) total[p] = total.GetValueOrDefault(p) + c; });
        return total;
    }

    /// <summary>Random pairs include some true matches: share λ of them, distributed as m. In a
    /// small file with many duplicates that is enough to make agreeing on an identifier look
    /// common; taking them out gives u for non-matches proper. A floor of a tenth of the sampled
    /// value keeps one correction from making a level look impossible.</summary>
    internal static double[][] WithoutMatches(double[][] sampled, double[][] m, double prior)
    {
        var u = new double[sampled.Length][];
        for (int f = 0; f < u.Length; f++)
        {
            u[f] = new double[sampled[f].Length];
            double total = 0;
            for (int l = 1; l < u[f].Length; l++)
                total += u[f][l] = Math.Max((sampled[f][l] - prior * m[f][l]) / (1 - prior), sampled[f][l] / 10);
            for (int l = 1; l < u[f].Length; l++) u[f][l] /= total;
        }
        return u;
    }

    private static bool Observed(Dictionary<uint, long> counts, int field)
    {
        foreach (var pattern in counts.Keys)
            if (ComparisonSet.LevelOf(pattern, field) != FieldComparison.Missing) return true;
        return false;
    }

    /// <summary>The chance that two records drawn at random are one person, found by
    /// expectation–maximisation over the prior alone, treating pairs that blocking never proposed
    /// as non-matches.</summary>
    internal static double EstimatePrior(int records, long candidates, Dictionary<uint, long> counts, ComparisonSet comparisons, double[][] m, double[][] u)
    {
        double allPairs = Math.Max(1.0, (double)records * (records - 1) / 2);
        if (counts.Count == 0) return 1 / allPairs;
        var bayesFactors = counts.Keys.Select(pattern =>
        {
            double bits = 0;
            for (int f = 0; f < comparisons.Fields.Count; f++)
            {
                int l = ComparisonSet.LevelOf(pattern, f);
                if (l != FieldComparison.Missing) bits += Math.Log2(Math.Max(m[f][l], 1e-9) / Math.Max(u[f][l], 1e-9));
            }
            return (Factor: Math.Pow(2, bits), Count: (double)counts[pattern]);
        }).ToArray();
        double prior = candidates / allPairs / 2;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double expectedMatches = 0;
            foreach (var (factor, count) in bayesFactors) expectedMatches += count * prior * factor / (prior * factor + 1 - prior);
            double next = Math.Clamp(expectedMatches / allPairs, 1e-12, 0.5);
            if (Math.Abs(next - prior) < prior * 1e-6) { prior = next; break; }
            prior = next;
        }
        return prior;
    }

    // Starting point: matches mostly agree exactly, rarely disagree; EM moves on from here.
    internal static double[][] InitialM(ComparisonSet comparisons)
    {
        var m = new double[comparisons.Fields.Count][];
        for (int f = 0; f < m.Length; f++)
        {
            int levels = comparisons.Fields[f].Levels.Count;
            m[f] = new double[levels];
            m[f][FieldComparison.Exact] = 0.7;
            m[f][levels - 1] = levels > 3 ? 0.05 : 0.3;
            for (int l = 2; l < levels - 1; l++) m[f][l] = 0.25 / (levels - 3);
        }
        return m;
    }
}
