using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching.Model;

/// <summary>A Fellegi–Sunter model: for every comparison level, m (how often true matches reach
/// it) and u (how often unrelated pairs do), plus the prior share of matches among candidate
/// pairs. A level's weight is log2(m/u) — its Bayes factor in bits; weights add up.</summary>
public sealed class MatchModel
{
    private readonly double[][] _weights;

    /// <summary>Creates a model; m and u are indexed [field][level], level 0 (missing) ignored.</summary>
    public MatchModel(ComparisonSet comparisons, double[][] m, double[][] u, double priorMatchShare)
    {
        if (m.Length != comparisons.Fields.Count || u.Length != comparisons.Fields.Count)
            throw new ArgumentException("m and u need one row per comparison.");
        Comparisons = comparisons;
        M = m;
        U = u;
        PriorMatchShare = Math.Clamp(priorMatchShare, 1e-9, 1 - 1e-9);
        _weights = new double[m.Length][];
        for (int f = 0; f < m.Length; f++)
        {
            _weights[f] = new double[m[f].Length];
            for (int l = 1; l < m[f].Length; l++) _weights[f][l] = Math.Log2(Math.Max(m[f][l], 1e-9) / Math.Max(u[f][l], 1e-9));
        }
    }

    /// <summary>The comparisons the model scores.</summary>
    public ComparisonSet Comparisons { get; }

    /// <summary>P(level | match), [field][level].</summary>
    public double[][] M { get; }

    /// <summary>P(level | non-match), [field][level].</summary>
    public double[][] U { get; }

    /// <summary>Prior probability that a candidate pair is a match.</summary>
    public double PriorMatchShare { get; }

    /// <summary>The prior expressed as a weight, log2(λ / (1 − λ)).</summary>
    public double PriorWeight => Math.Log2(PriorMatchShare / (1 - PriorMatchShare));

    /// <summary>Weight in bits of reaching <paramref name="level"/> of field <paramref name="field"/>; 0 for missing.</summary>
    public double Weight(int field, int level) => _weights[field][level];

    /// <summary>Turns a total match weight (prior included) into a probability.</summary>
    public static double Probability(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));

    /// <summary>Hand-set m and u values that behave sensibly before any training, for example when
    /// a single new person is checked against a handful of existing records.</summary>
    public static MatchModel CreateDefault() => new(ComparisonSet.Standard,
        [
            [0, .80, .04, .02, .06, .03, .02, .03], [0, .85, .02, .07, .03, .03], [0, .85, .07, .01, .02, .02, .03],
            [0, .70, .05, .10, .15], [0, .65, .10, .05, .20], [0, .75, .05, .20], [0, .90, .05, .02, .03], [0, .97, .03],
        ],
        [
            [0, .01, .0005, .0005, .003, .01, .005, .9710], [0, .005, .0005, .002, .01, .9825], [0, .0001, .002, .00005, .003, .03, .96485],
            [0, .001, .005, .05, .944], [0, .0005, .002, .02, .9775], [0, .02, .01, .97], [0, .00001, .0001, .001, .99889], [0, .5, .5],
        ],
        priorMatchShare: 1e-5);
}
