using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching.Training;

/// <summary>Learns m (how often true matches reach each level) and the share of matches among
/// candidate pairs without labels, by expectation–maximisation over a two-class mixture in which
/// fields are independent given the class. Pairs are grouped by pattern first, so each iteration
/// costs the number of distinct patterns, not the number of pairs.</summary>
public static class ExpectationMaximisation
{
    /// <summary>Result of training.</summary>
    /// <param name="M">Learned m per [field][level].</param>
    /// <param name="U">u per [field][level] (the input unless <c>learnU</c> was set).</param>
    /// <param name="MatchShare">Learned share of matches among the pairs.</param>
    /// <param name="Iterations">Iterations run before convergence or the limit.</param>
    public sealed record Result(double[][] M, double[][] U, double MatchShare, int Iterations);

    /// <summary>Runs EM from starting values. <paramref name="patternCounts"/> maps each packed
    /// comparison pattern to how many candidate pairs showed it.</summary>
    public static Result Train(
        ComparisonSet comparisons, IReadOnlyDictionary<uint, long> patternCounts, double[][] initialM, double[][] u,
        double initialMatchShare = 0.1, bool learnU = false, int maxIterations = 100, double tolerance = 1e-6)
    {
        int fields = comparisons.Fields.Count;
        var patterns = patternCounts.Keys.ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var levels = new int[patterns.Length, fields];
        for (int p = 0; p < patterns.Length; p++)
            for (int f = 0; f < fields; f++) levels[p, f] = ComparisonSet.LevelOf(patterns[p], f);

        var m = Copy(initialM);
        var uu = Copy(u);
        double share = initialMatchShare;
        int iteration = 0;
        for (; iteration < maxIterations; iteration++)
        {
            var mSum = Zero(m);
            var uSum = Zero(m);
            double matches = 0, total = 0;
            for (int p = 0; p < patterns.Length; p++)
            {
                double logMatch = Math.Log(share), logNon = Math.Log(1 - share);
                for (int f = 0; f < fields; f++)
                {
                    int l = levels[p, f];
                    if (l == FieldComparison.Missing) continue;
                    logMatch += Math.Log(Math.Max(m[f][l], 1e-12));
                    logNon += Math.Log(Math.Max(uu[f][l], 1e-12));
                }
                double posterior = 1 / (1 + Math.Exp(logNon - logMatch));
                double c = counts[p];
                matches += c * posterior;
                total += c;
                for (int f = 0; f < fields; f++)
                {
                    int l = levels[p, f];
                    mSum[f][l] += c * posterior;
                    uSum[f][l] += c * (1 - posterior);
                }
            }
            double change = Math.Abs(matches / total - share);
            share = Math.Clamp(matches / total, 1e-9, 1 - 1e-9);
            change = Math.Max(change, Update(m, mSum));
            if (learnU) change = Math.Max(change, Update(uu, uSum));
            if (change < tolerance) { iteration++; break; }
        }
        return new Result(m, uu, share, iteration);
    }

    // Normalises over the non-missing levels; a tiny floor keeps unseen levels possible.
    private static double Update(double[][] target, double[][] sums)
    {
        double change = 0;
        for (int f = 0; f < target.Length; f++)
        {
            double total = 0;
            for (int l = 1; l < sums[f].Length; l++) total += sums[f][l];
            if (total <= 0) continue;
            for (int l = 1; l < sums[f].Length; l++)
            {
                double value = Math.Max(sums[f][l] / total, 1e-6);
                change = Math.Max(change, Math.Abs(value - target[f][l]));
                target[f][l] = value;
            }
        }
        return change;
    }

    private static double[][] Copy(double[][] x) => x.Select(r => (double[])r.Clone()).ToArray();
    private static double[][] Zero(double[][] x) => x.Select(r => new double[r.Length]).ToArray();
}
