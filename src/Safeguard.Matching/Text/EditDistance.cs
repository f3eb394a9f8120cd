namespace Safeguard.Matching.Text;

/// <summary>Cheap "one keystroke apart" tests used for dates, postcodes and identifiers, where
/// a single typo is common and a full edit distance would be wasted work.</summary>
public static class EditDistance
{
    /// <summary>True when the strings differ by one substitution, one insertion or deletion,
    /// or one swap of adjacent characters (equal strings give false).</summary>
    public static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length) { var t = a; a = b; b = t; }
        int diff = a.Length - b.Length;
        if (diff > 1) return false;
        int i = 0;
        while (i < b.Length && a[i] == b[i]) i++;
        if (i == b.Length) return diff == 1;
        if (diff == 1) return a[(i + 1)..].SequenceEqual(b[i..]);
        if (a[(i + 1)..].SequenceEqual(b[(i + 1)..])) return true;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
    }
}
