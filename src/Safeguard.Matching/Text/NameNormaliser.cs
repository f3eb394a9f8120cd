using System.Globalization;
using System.Text;

namespace Safeguard.Matching.Text;

/// <summary>Puts names into one comparable form: lower case, accents removed, letters only.</summary>
public static class NameNormaliser
{
    /// <summary>Lower-case letters only ("O'Neil-Smith" → "oneilsmith"); null or blank gives "".</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        if (IsPlainAscii(name)) return AsciiLetters(name);
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetter(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    // Most names are plain ASCII; they need no Unicode decomposition, which dominates the cost.
    private static bool IsPlainAscii(string name)
    {
        foreach (var c in name) if (c > 127) return false;
        return true;
    }

    private static string AsciiLetters(string name)
    {
        bool alreadyClean = true;
        foreach (var c in name) if (c is < 'a' or > 'z') { alreadyClean = false; break; }
        if (alreadyClean) return name;
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int length = 0;
        foreach (var c in name)
        {
            if (c is >= 'a' and <= 'z') buffer[length++] = c;
            else if (c is >= 'A' and <= 'Z') buffer[length++] = (char)(c + 32);
        }
        return new string(buffer[..length]);
    }
}
