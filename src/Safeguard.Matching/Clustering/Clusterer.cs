namespace Safeguard.Matching.Clustering;

/// <summary>Turns matched pairs into people. Pairs are joined strongest first; a join that would
/// make a cluster larger than the cap is refused, so that a chain of weak links (A~B~C~...)
/// cannot sweep many different people into one.</summary>
public static class Clusterer
{
    /// <summary>A cluster number (0, 1, ... in order of first record) for each of
    /// <paramref name="count"/> records, joining pairs whose weight reaches <paramref name="threshold"/>.</summary>
    public static int[] Cluster(int count, IReadOnlyList<ScoredPair> pairs, double threshold, int maxClusterSize = 50)
    {
        var strong = new List<ScoredPair>();
        foreach (var p in pairs) if (p.Weight >= threshold) strong.Add(p);
        strong.Sort((a, b) => b.Weight.CompareTo(a.Weight));

        var sets = new UnionFind(count);
        foreach (var p in strong)
        {
            if (sets.Find(p.Left) == sets.Find(p.Right)) continue;
            if (sets.SizeOf(p.Left) + sets.SizeOf(p.Right) > maxClusterSize) continue;
            sets.Union(p.Left, p.Right);
        }

        var cluster = new int[count];
        var numberOfRoot = new Dictionary<int, int>();
        for (int i = 0; i < count; i++)
        {
            int root = sets.Find(i);
            if (!numberOfRoot.TryGetValue(root, out var number)) numberOfRoot[root] = number = numberOfRoot.Count;
            cluster[i] = number;
        }
        return cluster;
    }
}
