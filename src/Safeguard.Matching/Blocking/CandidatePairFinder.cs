using System.Collections.Concurrent;
using Safeguard.Matching.Comparisons;
using Safeguard.Matching.Features;

namespace Safeguard.Matching.Blocking;

/// <summary>Finds every pair of records that shares a key under at least one blocking rule,
/// each pair once, and computes its comparison pattern on the way.</summary>
public static class CandidatePairFinder
{
    /// <summary>Candidate pairs with their patterns.</summary>
    /// <param name="table">The prepared records.</param>
    /// <param name="comparisons">The comparisons whose pattern each pair gets.</param>
    /// <param name="rules">Blocking rules, OR-ed.</param>
    /// <param name="maxPairs">Stop adding blocks once this many pairs would be exceeded (for training samples).</param>
    /// <param name="maxBlockSize">Blocks larger than this are skipped: a key shared by that many
    /// records (a common name in one year) says little and would cost quadratic time; other rules
    /// still catch the true pairs inside it.</param>
    public static CandidatePair[] Find(FeatureTable table, ComparisonSet comparisons, IReadOnlyList<BlockingRule> rules, int maxBlockSize = 200, long maxPairs = long.MaxValue)
    {
        int n = table.Count, ruleCount = rules.Count;
        // Record-major (all of one record's keys side by side): checking whether an earlier rule
        // already paired two records then touches two cache lines, not two per rule.
        var keys = new ulong[(long)n * ruleCount];
        Parallel.For(0, n, i =>
        {
            for (int r = 0; r < ruleCount; r++) keys[(long)i * ruleCount + r] = rules[r].Key(table, i);
        });

        var results = new ConcurrentBag<List<CandidatePair>>();
        for (int r = 0; r < rules.Count; r++)
        {
            var (order, starts) = Blocks(keys, ruleCount, r, n, Math.Min(maxBlockSize, rules[r].MaxBlockSize ?? int.MaxValue), maxPairs);
            int rule = r;
            if (starts.Length < 2) continue;
            Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, starts.Length - 1, Math.Max(64, starts.Length / 256)),
                () => new List<CandidatePair>(),
                (range, _, local) =>
                {
                    for (int b = range.Item1; b < range.Item2; b++)
                        for (int x = starts[b]; x < starts[b + 1]; x++)
                            for (int y = x + 1; y < starts[b + 1]; y++)
                            {
                                int i = order[x], j = order[y];
                                if (SeenByEarlierRule(keys, ruleCount, rule, i, j)) continue;
                                if (i > j) (i, j) = (j, i);
                                local.Add(new CandidatePair(i, j, comparisons.Pattern(table, i, j)));
                            }
                    return local;
                },
                local => { if (local.Count > 0) results.Add(local); });
        }

        var all = new CandidatePair[results.Sum(l => l.Count)];
        int at = 0;
        foreach (var list in results) { list.CopyTo(all, at); at += list.Count; }
        return all;
    }

    private static bool SeenByEarlierRule(ulong[] keys, int ruleCount, int rule, int i, int j)
    {
        var a = keys.AsSpan((int)((long)i * ruleCount), rule);
        var b = keys.AsSpan((int)((long)j * ruleCount), rule);
        for (int r = 0; r < a.Length; r++)
            if (a[r] != 0 && a[r] == b[r]) return true;
        return false;
    }

    // Sorts record indexes by key and returns block boundaries; oversized blocks get their keys
    // cleared so that later rules do not assume their pairs were already compared.
    private static (int[] Order, int[] Starts) Blocks(ulong[] keys, int ruleCount, int rule, int n, int maxBlockSize, long maxPairs)
    {
        int count = 0;
        for (int i = 0; i < n; i++) if (keys[(long)i * ruleCount + rule] != 0) count++;
        var sortedKeys = new ulong[count];
        var order = new int[count];
        for (int i = 0, at = 0; i < n; i++)
        {
            ulong key = keys[(long)i * ruleCount + rule];
            if (key != 0) { sortedKeys[at] = key; order[at++] = i; }
        }
        Array.Sort(sortedKeys, order);

        var starts = new List<int>();
        var kept = new List<int>(count);
        long pairs = 0;
        for (int s = 0; s < count;)
        {
            int e = s + 1;
            while (e < count && sortedKeys[e] == sortedKeys[s]) e++;
            if (e - s > maxBlockSize)
                for (int x = s; x < e; x++) keys[(long)order[x] * ruleCount + rule] = 0;
            else if (e - s > 1 && (pairs += (long)(e - s) * (e - s - 1) / 2) <= maxPairs)
            {
                starts.Add(kept.Count);
                for (int x = s; x < e; x++) kept.Add(order[x]);
            }
            s = e;
        }
        starts.Add(kept.Count);
        return (kept.ToArray(), starts.ToArray());
    }
}
