using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Training;

namespace Safeguard.Matching.Tests.Training;

public class ExpectationMaximisationTests
{
    // Three fields with known m and u; pairs are drawn from the mixture and EM must find m again.
    private static readonly double[][] TrueM = [[0, .85, .10, .05], [0, .90, .06, .04], [0, .80, .15, .05]];
    private static readonly double[][] TrueU = [[0, .01, .04, .95], [0, .02, .05, .93], [0, .005, .02, .975]];

    private static ComparisonSet ThreeLevelFields() => new([new FakeField("a"), new FakeField("b"), new FakeField("c")]);

    [Fact]
    public void Training_recovers_known_m_values_from_unlabelled_pairs()
    {
        var counts = DrawPairs(matches: 2_000, nonMatches: 18_000, seed: 3);
        var initial = new double[][] { [0, .6, .2, .2], [0, .6, .2, .2], [0, .6, .2, .2] };
        var result = ExpectationMaximisation.Train(ThreeLevelFields(), counts, initial, TrueU, initialMatchShare: 0.5);

        for (int f = 0; f < 3; f++)
            for (int l = 1; l < 4; l++) Assert.InRange(result.M[f][l], TrueM[f][l] - 0.03, TrueM[f][l] + 0.03);
        Assert.InRange(result.MatchShare, 0.08, 0.12);
    }

    [Fact]
    public void Training_can_learn_u_as_well_when_asked()
    {
        var counts = DrawPairs(matches: 3_000, nonMatches: 17_000, seed: 5);
        var start = new double[][] { [0, .1, .3, .6], [0, .1, .3, .6], [0, .1, .3, .6] };
        var result = ExpectationMaximisation.Train(ThreeLevelFields(), counts, [[0, .6, .2, .2], [0, .6, .2, .2], [0, .6, .2, .2]], start, 0.3, learnU: true);

        Assert.InRange(result.U[0][3], 0.92, 0.98);
        Assert.InRange(result.M[0][1], 0.80, 0.90);
    }

    [Fact]
    public void Missing_levels_do_not_move_m()
    {
        var counts = new Dictionary<uint, long> { [Pattern(1, 0, 1)] = 500, [Pattern(3, 0, 3)] = 5_000 };
        var initial = new double[][] { [0, .6, .2, .2], [0, .5, .3, .2], [0, .6, .2, .2] };
        var result = ExpectationMaximisation.Train(ThreeLevelFields(), counts, initial, TrueU);
        Assert.Equal(initial[1], result.M[1]);
    }

    private static Dictionary<uint, long> DrawPairs(int matches, int nonMatches, int seed)
    {
        var random = new Random(seed);
        var counts = new Dictionary<uint, long>();
        for (int k = 0; k < matches + nonMatches; k++)
        {
            var table = k < matches ? TrueM : TrueU;
            uint pattern = Pattern(Draw(table[0], random), Draw(table[1], random), Draw(table[2], random));
            counts[pattern] = counts.GetValueOrDefault(pattern) + 1;
        }
        return counts;
    }

    private static int Draw(double[] levels, Random random)
    {
        double r = random.NextDouble();
        for (int l = 1; l < levels.Length; l++) if ((r -= levels[l]) < 0) return l;
        return levels.Length - 1;
    }

    private static uint Pattern(int a, int b, int c) => (uint)(a | b << 4 | c << 8);

    private sealed class FakeField(string name) : FieldComparison
    {
        public override string Field => name;
        public override IReadOnlyList<string> Levels => ["missing", "exact", "close", "different"];
        public override int Compare(Safeguard.Matching.Features.FeatureTable table, int i, int j) => Missing;
    }
}
