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
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetter(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
