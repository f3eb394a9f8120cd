using Safeguard.Matching.Clustering;

namespace Safeguard.Matching.Tests.Clustering;

public class ClustererTests
{
    [Fact]
    public void Pairs_above_the_threshold_join_transitively()
    {
        var clusters = Clusterer.Cluster(4, [new(0, 1, 10), new(1, 2, 8), new(2, 3, -5)], threshold: 0);
        Assert.Equal(clusters[0], clusters[1]);
        Assert.Equal(clusters[1], clusters[2]);
        Assert.NotEqual(clusters[2], clusters[3]);
    }

    [Fact]
    public void Cluster_numbers_follow_record_order()
    {
        var clusters = Clusterer.Cluster(3, [new(1, 2, 10)], threshold: 0);
        Assert.Equal([0, 1, 1], clusters);
    }

    [Fact]
    public void A_chain_of_links_stops_at_the_size_cap_keeping_the_strongest_links()
    {
        var chain = Enumerable.Range(0, 9).Select(i => new ScoredPair(i, i + 1, 20 - i)).ToList();
        var clusters = Clusterer.Cluster(10, chain, threshold: 0, maxClusterSize: 4);
        Assert.Equal(4, clusters.Count(c => c == clusters[0]));
        Assert.True(clusters.GroupBy(c => c).All(g => g.Count() <= 4));
    }

    [Fact]
    public void Union_find_reports_set_sizes()
    {
        var sets = new UnionFind(5);
        sets.Union(0, 1);
        sets.Union(3, 1);
        Assert.Equal(3, sets.SizeOf(0));
        Assert.False(sets.Union(0, 3));
    }
}
