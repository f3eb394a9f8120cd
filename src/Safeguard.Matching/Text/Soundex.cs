namespace Safeguard.Matching.Text;

/// <summary>American Soundex: a coarse phonetic key ("Smith" and "Smyth" → S530) used to find
/// candidates whose spelling differs; ranking is left to finer comparisons. It works on the folded
/// name (<see cref="NameNormaliser"/>), so "Łukasz" and "Lukasz" share a key; a name with no Latin
/// letter even after transliteration (Arabic, Chinese) has no key.</summary>
public static class Soundex
{
    private const string Codes = "01230120022455012623010202"; // a..z

    /// <summary>The four-character Soundex key of a name, or "" when it has no Latin letters.</summary>
    public static string Encode(string? name)
    {
        var n = NameNormaliser.Normalise(name);
        Span<char> key = stackalloc char[4];
        int len = 0;
        char last = '0';
        foreach (var c in n)
        {
            if (c is < 'a' or > 'z') continue;
            char code = Codes[c - 'a'];
            if (len == 0) key[len++] = char.ToUpperInvariant(c);
            else if (code != '0' && code != last) key[len++] = code;
            if (len == 4) break;
            if (c != 'h' && c != 'w') last = code;
        }
        if (len == 0) return "";
        while (len < 4) key[len++] = '0';
        return new string(key);
    }
}
