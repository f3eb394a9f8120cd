using System.Globalization;
using System.Text;

namespace Safeguard.Matching.Text;

/// <summary>Puts names from any alphabet into one comparable, folded form: lower case, accents and
/// other marks removed, letters that do not decompose transliterated (ł → l, ø → o, æ → ae, ß → ss,
/// þ → th), Greek and Cyrillic spelt in Latin letters (<see cref="Transliteration"/>), letters of
/// other scripts (Arabic, Chinese, ...) kept as they are. Digits, spaces and punctuation go. The
/// result is idempotent: folding a folded name gives it back. Never throws, whatever the input
/// (unpaired surrogates are dropped).</summary>
public static class NameNormaliser
{
    /// <summary>The folded form ("O'Neil-Smith" → "oneilsmith", "Łukasz" → "lukasz", "Øyvind" → "oyvind",
    /// "Müller" → "muller", "Дмитрий" → "dmitriy"); null, blank or letterless input gives "".</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        if (IsPlainAscii(name)) return AsciiLetters(name);
        var sb = new StringBuilder(name.Length + 4);
        // An unpaired surrogate comes out as U+FFFD, which is not a letter and so is dropped.
        foreach (var rune in name.EnumerateRunes()) AppendFolded(sb, rune);
        return sb.ToString();
    }

    /// <summary>True when the text holds at least one letter of any alphabet, so that its folded form is not empty.</summary>
    public static bool HasLetter(string? name) => Normalise(name).Length > 0;

    private static void AppendFolded(StringBuilder sb, Rune rune)
    {
        if (rune.IsAscii)
        {
            if (Rune.IsLetter(rune)) sb.Append(char.ToLowerInvariant((char)rune.Value));
            return;
        }
        // Letters whose decomposition would lose what a person says (й is "y", not "i"; ё is "yo") come first.
        var lower = Rune.ToLowerInvariant(rune);
        if (Transliteration.TryGet(lower, out var latin)) { sb.Append(GreekOu(sb, lower, latin)); return; }
        if (!Rune.IsLetter(rune) && !IsMark(rune)) return;

        // Compatibility decomposition splits accents from letters and turns ligatures and full-width forms into plain letters.
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
        foreach (var part in decomposed.EnumerateRunes())
        {
            if (IsMark(part) || !Rune.IsLetter(part)) continue;
            if (part.IsAscii) { sb.Append(char.ToLowerInvariant((char)part.Value)); continue; }
            var partLower = Rune.ToLowerInvariant(part);
            if (Transliteration.TryGet(partLower, out var partLatin)) sb.Append(GreekOu(sb, partLower, partLatin));
            else sb.Append(partLower.ToString());
        }
    }

    // Greek "ου" is one sound, "ou" (Παπαδόπουλος → papadopoulos), not "oy".
    private static string GreekOu(StringBuilder sb, Rune lower, string latin) =>
        lower.Value == 'υ' && sb.Length > 0 && sb[^1] == 'o' ? "u" : latin;

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

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
