using System.Numerics;

namespace Safeguard.Matching.Text;

/// <summary>A 64-bit summary of which letters a string holds (each letter counted up to twice), so
/// that a cheap AND and popcount bound how similar two strings can be before paying for a full
/// Jaro–Winkler. Strings with a letter three or more times, or other characters, give no bound.</summary>
public static class LetterSignature
{
    private const ulong NoBound = 1UL << 63;

    /// <summary>The signature of a string.</summary>
    public static ulong Of(ReadOnlySpan<char> value)
    {
        ulong signature = 0;
        foreach (var c in value)
        {
            if (c < 'a' || c > 'z') return NoBound;
            ulong first = 1UL << ((c - 'a') * 2);
            if ((signature & first) == 0) signature |= first;
            else if ((signature & (first << 1)) == 0) signature |= first << 1;
            else return NoBound;
        }
        return signature;
    }

    /// <summary>An upper bound on the Jaro–Winkler similarity of two strings from their signatures and lengths.</summary>
    public static double JaroWinklerBound(ulong a, int lengthA, ulong b, int lengthB)
    {
        if (((a | b) & NoBound) != 0 || lengthA == 0 || lengthB == 0) return 1;
        int common = BitOperations.PopCount(a & b);
        if (common == 0) return 0;
        double jaro = ((double)common / lengthA + (double)common / lengthB + 1) / 3;
        return jaro + 0.4 * (1 - jaro);
    }
}
