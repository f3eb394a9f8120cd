using Safeguard.Matching.Features;

namespace Safeguard.Matching.Blocking;

/// <summary>A way of putting records that might be one person into the same block: only records
/// sharing a non-zero key are compared. Rules are OR-ed; each is cheap and misses some true pairs,
/// together they miss very few.</summary>
/// <param name="Name">Human-readable name, shown in statistics.</param>
/// <param name="Key">The record's key under this rule, 0 when the record has no key (a field is missing).</param>
/// <param name="MaxBlockSize">A tighter cap on block size for coarse rules (such as date of birth
/// alone) that are worth running on small or sparse data but would flood a large data set with
/// pairs; null uses the run's cap.</param>
public sealed record BlockingRule(string Name, Func<FeatureTable, int, ulong> Key, int? MaxBlockSize = null)
{
    /// <summary>Mixes values into a key that is never 0; any zero input (missing) gives 0.</summary>
    public static ulong Combine(int salt, long a, long b = 1)
    {
        if (a == 0 || b == 0) return 0;
        ulong h = Mix((ulong)salt * 0x9E3779B97F4A7C15UL ^ (ulong)a);
        h = Mix(h ^ (ulong)b * 0xC2B2AE3D27D4EB4FUL);
        return h == 0 ? 1 : h;
    }

    /// <summary>A deterministic hash of some characters (FNV-1a), never 0, for keys built from part of a value.</summary>
    public static long Hash(ReadOnlySpan<char> value)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in value) h = (h ^ c) * 1099511628211UL;
        return h == 0 ? 1 : (long)h;
    }

    // SplitMix64 finaliser: deterministic across runs, unlike HashCode.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
