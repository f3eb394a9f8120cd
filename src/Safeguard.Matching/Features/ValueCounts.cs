namespace Safeguard.Matching.Features;

/// <summary>How often each interned value occurs in one field, for term-frequency adjustment:
/// agreeing on a value that few records carry is stronger evidence than agreeing on a common one.</summary>
public sealed class ValueCounts
{
    private int[] _counts = new int[64];

    /// <summary>Records with a non-missing value in this field.</summary>
    public int Total { get; private set; }

    /// <summary>Counts one more occurrence of the value id (0, missing, is ignored).</summary>
    public void Add(int id)
    {
        if (id == 0) return;
        if (id >= _counts.Length) Array.Resize(ref _counts, Math.Max(id + 1, _counts.Length * 2));
        _counts[id]++;
        Total++;
    }

    /// <summary>Records carrying this value.</summary>
    public int CountOf(int id) => id <= 0 || id >= _counts.Length ? 0 : _counts[id];

    /// <summary>How many records carry the value and how many carry any value, for term frequency.</summary>
    public (long Count, long Total) Term(int id) => (CountOf(id), Total);
}
