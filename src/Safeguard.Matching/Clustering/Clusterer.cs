namespace Safeguard.Matching.Clustering;

/// <summary>Turns matched pairs into people. Pairs are joined strongest first. Two guards stop a
/// chain of links (A~B~C~...) sweeping different people together: a join that would make a cluster
/// larger than the cap is refused, and two clusters of several records each are only joined when a
/// given share of the pairs across them are matches themselves, not just the one link.</summary>
public static class Clusterer
{
    /// <summary>A cluster number (0, 1, ... in order of first record) for each of
    /// <paramref name="count"/> records, joining pairs whose weight reaches <paramref name="threshold"/>.</summary>
    /// <param name="count">Number of records.</param>
    /// <param name="pairs">Scored candidate pairs.</param>
    /// <param name="threshold">Match weight at or above which a pair is a match.</param>
    /// <param name="maxClusterSize">Largest cluster joining may build.</param>
    /// <param name="minLinkShare">Share of the pairs across two multi-record clusters that must be
    /// matches for them to be joined (0 turns the guard off).</param>
    public static int[] Cluster(int count, IReadOnlyList<ScoredPair> pairs, double threshold, int maxClusterSize = 50, double minLinkShare = 0)
    {
        var strong = new List<ScoredPair>();
        foreach (var p in pairs) if (p.Weight >= threshold) strong.Add(p);
        strong.Sort((a, b) => b.Weight.CompareTo(a.Weight));
        var neighbours = minLinkShare > 0 ? Neighbours(count, strong) : null;
        var members = minLinkShare > 0 ? new Dictionary<int, List<int>>() : null;

        var sets = new UnionFind(count);
        foreach (var p in strong)
        {
            int a = sets.Find(p.Left), b = sets.Find(p.Right);
            if (a == b) continue;
            int sizeA = sets.SizeOf(a), sizeB = sets.SizeOf(b);
            if (sizeA + sizeB > maxClusterSize) continue;
            if (members is not null && sizeA > 1 && sizeB > 1 && Links(sets, members, neighbours!, a, b) < minLinkShare * sizeA * sizeB) continue;
            sets.Union(a, b);
            if (members is not null) Merge(members, sets.Find(a), a, b);
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

    private static Dictionary<int, List<int>> Neighbours(int count, List<ScoredPair> strong)
    {
        var neighbours = new Dictionary<int, List<int>>();
        foreach (var p in strong)
        {
            Add(neighbours, p.Left, p.Right);
            Add(neighbours, p.Right, p.Left);
        }
        return neighbours;
    }

    private static void Add(Dictionary<int, List<int>> lists, int key, int value)
    {
        if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
        list.Add(value);
    }

    private static IEnumerable<int> MembersOf(Dictionary<int, List<int>> members, int root) =>
        members.TryGetValue(root, out var list) ? list : [root];

    // Matches between the two clusters, counted from the smaller one's side.
    private static int Links(UnionFind sets, Dictionary<int, List<int>> members, Dictionary<int, List<int>> neighbours, int a, int b)
    {
        if (sets.SizeOf(a) > sets.SizeOf(b)) (a, b) = (b, a);
        int links = 0;
        foreach (var x in MembersOf(members, a))
            if (neighbours.TryGetValue(x, out var list))
                foreach (var y in list) if (sets.Find(y) == b) links++;
        return links;
    }

    private static void Merge(Dictionary<int, List<int>> members, int root, int a, int b)
    {
        var merged = new List<int>(MembersOf(members, a));
        merged.AddRange(MembersOf(members, b));
        members.Remove(a);
        members.Remove(b);
        members[root] = merged;
    }
}
