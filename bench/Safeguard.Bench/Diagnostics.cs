using Safeguard.Matching;
using Safeguard.Matching.Blocking;
using Safeguard.Matching.Features;
using Safeguard.Matching.Scoring;
using Safeguard.Matching.Training;

namespace Safeguard.Bench;

/// <summary>Where true pairs get lost: not proposed by blocking, or proposed but scored too low;
/// and which false pairs score high. For tuning on synthetic data, printed with --diagnose.</summary>
internal static class Diagnostics
{
    public static void Print<T>(string name, IReadOnlyList<PersonRecord> records, IReadOnlyList<T> truth, int examples = 8) where T : notnull
    {
        var settings = new MatchSettings();
        var table = FeatureTable.Build(records);
        var pairs = CandidatePairFinder.Find(table, settings.Comparisons, settings.BlockingRules, settings.MaxBlockSize);
        var model = MatchModelTrainer.Train(table, pairs, settings);
        var scorer = new PairScorer(table, model);
        double threshold = Math.Log2(settings.ClusterThreshold / (1 - settings.ClusterThreshold));

        var truePairs = new HashSet<long>();
        foreach (var group in Enumerable.Range(0, records.Count).GroupBy(i => truth[i]))
        {
            var members = group.ToArray();
            for (int a = 0; a < members.Length; a++)
                for (int b = a + 1; b < members.Length; b++) truePairs.Add(Key(members[a], members[b]));
        }
        var candidateSet = new HashSet<long>(pairs.Select(p => Key(p.Left, p.Right)));
        int blocked = truePairs.Count(candidateSet.Contains);
        Console.WriteLine($"-- {name}: true pairs {truePairs.Count}, proposed by blocking {blocked} ({(double)blocked / truePairs.Count:0.0000})");

        int shown = 0, missedScored = 0, falseScored = 0;
        foreach (var key in truePairs.Where(k => !candidateSet.Contains(k)).Take(examples))
            Console.WriteLine($"   not blocked: {Describe(records, key)}");
        foreach (var p in pairs)
        {
            bool same = truth[p.Left].Equals(truth[p.Right]);
            double w = scorer.Score(p.Left, p.Right, p.Pattern);
            if (same == w >= threshold) continue;
            if (same) missedScored++; else falseScored++;
            if (shown++ >= examples * 2) continue;
            Console.WriteLine($"   {(same ? "missed" : "false")}: {Describe(records, Key(p.Left, p.Right))}\n      {scorer.Explain(p.Left, p.Right)}");
        }
        Console.WriteLine($"   pairs scored below threshold though true: {missedScored}; above threshold though false: {falseScored}; prior {model.PriorWeight:0.0} bits");
    }

    // Multiplied so that HashSet<long>'s hash (high XOR low word) does not collide for nearby indexes.
    private static long Key(int a, int b) => a < b ? (long)a * 4_294_967_311L + b : (long)b * 4_294_967_311L + a;

    private static string Describe(IReadOnlyList<PersonRecord> records, long key) =>
        $"{Show(records[(int)(key / 4_294_967_311L)])}  |  {Show(records[(int)(key % 4_294_967_311L)])}";

    private static string Show(PersonRecord r) =>
        $"{r.Forename} {r.Surname} {r.DateOfBirth:yyyy-MM-dd} {r.AddressLine}, {r.Town} {r.Postcode} #{r.Identifier}";
}
