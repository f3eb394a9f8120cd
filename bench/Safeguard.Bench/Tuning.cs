using System.Globalization;
using Safeguard.Matching;
using Safeguard.Matching.Blocking;
using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Evaluation;
using Safeguard.Matching.Features;
using Safeguard.Matching.Synthetic;

namespace Safeguard.Bench;

/// <summary>Steps the settings that were tuned (cluster threshold, link share) and checks what each
/// blocking rule adds, on the TUNING files only: FEBRL dataset1 and a synthetic population of 10,000
/// (seed 7). The held-out files (FEBRL dataset2 and dataset3, fake_1000) are never read here; their
/// figures come from <see cref="Accuracy"/> with the settings chosen here.</summary>
internal static class Tuning
{
    public const int SyntheticSeed = 7;
    public const int SyntheticSize = 10_000;
    public static readonly string[] TuningFiles = ["dataset1"];
    public static readonly string[] HeldOutFiles = ["dataset2", "dataset3", "fake_1000"];

    public sealed record Step(double Threshold, double LinkShare, double Dataset1F1, double SyntheticF1, double MeanF1);
    public sealed record RuleCheck(string Rule, double Dataset1BlockingRecall, double SyntheticBlockingRecall, double Dataset1F1, double SyntheticF1);
    public sealed record Result(string TunedOn, string NotRead, IReadOnlyList<Step> Steps, IReadOnlyList<RuleCheck> WithoutEachRule);

    public static Result Run(string dataDir, string repoRoot)
    {
        Console.WriteLine($"Tuning on: {string.Join(", ", TuningFiles)} and a synthetic population of {SyntheticSize:N0} (seed {SyntheticSeed}).");
        Console.WriteLine($"Held out, not read while tuning: {string.Join(", ", HeldOutFiles)}.");
        var (febrl, febrlTruth) = Accuracy.Load(dataDir, repoRoot, "dataset1");
        var synthetic = new PopulationGenerator(SyntheticSeed).Generate(SyntheticSize);
        var syntheticTruth = synthetic.PersonOf.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();

        var steps = new List<Step>();
        Console.WriteLine($"{"threshold",10}{"link share",12}{"dataset1 F1",13}{"synthetic F1",14}{"mean",8}");
        foreach (var threshold in new[] { 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 })
            foreach (var share in new[] { 0.0, 0.1, 0.2, 0.3, 0.5 })
            {
                var settings = new MatchSettings { ClusterThreshold = threshold, MinLinkShare = share };
                double a = F1(febrl, febrlTruth, settings), b = F1(synthetic.Records, syntheticTruth, settings);
                steps.Add(new Step(threshold, share, a, b, (a + b) / 2));
                Console.WriteLine($"{threshold,10:0.00}{share,12:0.0}{a,13:0.0000}{b,14:0.0000}{(a + b) / 2,8:0.0000}");
            }
        var best = steps.MaxBy(s => s.MeanF1)!;
        var current = steps.Single(s => s.Threshold == new MatchSettings().ClusterThreshold && s.LinkShare == new MatchSettings().MinLinkShare);
        Console.WriteLine($"best on the tuning files: threshold {best.Threshold:0.00}, link share {best.LinkShare:0.0} (mean F1 {best.MeanF1:0.0000}); "
            + $"current defaults give {current.MeanF1:0.0000}");

        var rules = new List<RuleCheck>();
        Console.WriteLine($"{"without rule",-58}{"d1 blocked",11}{"syn blocked",12}{"d1 F1",8}{"syn F1",8}");
        foreach (var rule in BlockingRules.Standard.Prepend(null))
        {
            var settings = new MatchSettings { BlockingRules = BlockingRules.Standard.Where(r => r != rule).ToList() };
            var check = new RuleCheck(rule?.Name ?? "(all rules)", BlockingRecall(febrl, febrlTruth, settings), BlockingRecall(synthetic.Records, syntheticTruth, settings),
                F1(febrl, febrlTruth, settings), F1(synthetic.Records, syntheticTruth, settings));
            rules.Add(check);
            Console.WriteLine($"{check.Rule,-58}{check.Dataset1BlockingRecall,11:0.0000}{check.SyntheticBlockingRecall,12:0.0000}{check.Dataset1F1,8:0.0000}{check.SyntheticF1,8:0.0000}");
        }
        return new Result($"{string.Join(", ", TuningFiles)}; synthetic {SyntheticSize} seed {SyntheticSeed}", string.Join(", ", HeldOutFiles), steps, rules);
    }

    private static double F1(IReadOnlyList<PersonRecord> records, IReadOnlyList<string> truth, MatchSettings settings) =>
        PairwiseMetrics.Compute(Deduplicator.Run(records, settings).Clusters, truth).F1;

    // The share of true pairs that blocking proposes at all.
    private static double BlockingRecall(IReadOnlyList<PersonRecord> records, IReadOnlyList<string> truth, MatchSettings settings)
    {
        var table = FeatureTable.Build(records);
        var pairs = CandidatePairFinder.Find(table, settings.Comparisons, settings.BlockingRules, settings.MaxBlockSize);
        var proposed = new HashSet<(int, int)>(pairs.Select(p => (Math.Min(p.Left, p.Right), Math.Max(p.Left, p.Right))));
        long all = 0, found = 0;
        foreach (var group in Enumerable.Range(0, records.Count).GroupBy(i => truth[i]))
        {
            var members = group.ToArray();
            for (int a = 0; a < members.Length; a++)
                for (int b = a + 1; b < members.Length; b++) { all++; if (proposed.Contains((members[a], members[b]))) found++; }
        }
        return all == 0 ? 1 : (double)found / all;
    }
}
