namespace Safeguard.Matching.Text;

/// <summary>American Soundex: a coarse phonetic key ("Smith" and "Smyth" → S530) used to find
/// candidates whose spelling differs; ranking is left to finer comparisons.</summary>
public static class Soundex
{
    private const string Codes = "01230120022455012623010202"; // a..z

    /// <summary>The four-character Soundex key of a name, or "" when it has no letters.</summary>
    public static string Encode(string? name)
    {
        var n = NameNormaliser.Normalise(name);
        if (n.Length == 0) return "";
        Span<char> key = stackalloc char[4];
        key[0] = char.ToUpperInvariant(n[0]);
        int len = 1;
        char last = Codes[n[0] - 'a'];
        for (int i = 1; i < n.Length && len < 4; i++)
        {
            char c = n[i];
            if (c < 'a' || c > 'z') continue;
            char code = Codes[c - 'a'];
            if (code != '0' && code != last) key[len++] = code;
            if (c != 'h' && c != 'w') last = code;
        }
        while (len < 4) key[len++] = '0';
        return new string(key);
    }
}
