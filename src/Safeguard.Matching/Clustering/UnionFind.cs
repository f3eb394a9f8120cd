namespace Safeguard.Matching.Clustering;

/// <summary>Disjoint sets over 0..n-1 with path halving and union by size.</summary>
public sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    /// <summary>n singleton sets.</summary>
    public UnionFind(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (int i = 0; i < n; i++) { _parent[i] = i; _size[i] = 1; }
    }

    /// <summary>The representative of <paramref name="x"/>'s set.</summary>
    public int Find(int x)
    {
        while (_parent[x] != x) x = _parent[x] = _parent[_parent[x]];
        return x;
    }

    /// <summary>Number of members in <paramref name="x"/>'s set.</summary>
    public int SizeOf(int x) => _size[Find(x)];

    /// <summary>Joins the sets of a and b; false when they were already one.</summary>
    public bool Union(int a, int b)
    {
        a = Find(a); b = Find(b);
        if (a == b) return false;
        if (_size[a] < _size[b]) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
        return true;
    }
}
