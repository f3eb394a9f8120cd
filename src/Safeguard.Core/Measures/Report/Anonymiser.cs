using System.Text.RegularExpressions;

namespace Safeguard.Core.Measures.Report;

/// <summary>Takes identifying details out of a child's words before they are quoted in a report (M3): the names of the
/// people recorded with them, their addresses, and anything shaped like a postcode, a telephone number, an email address
/// or a date. Pure.</summary>
/// <remarks>It cannot know a name nobody recorded ("my friend Kez"): the report says its extracts are to be read
/// before the report is sent, and quotes only short extracts.</remarks>
public static partial class Anonymiser
{
    /// <summary>The longest extract quoted, in characters; a longer text is cut at a word and ends with "…".</summary>
    public const int MostCharacters = 400;

    public static string Redact(string text, IEnumerable<string?> names, IEnumerable<string?> addresses)
    {
        var result = text.Trim();
        // Whole addresses first, then the patterns, then names word by word (longest first, so "Anne-Marie" goes before "Anne").
        foreach (var address in addresses.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct().OrderByDescending(a => a.Length))
            result = Regex.Replace(result, Regex.Escape(address), "[address]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        result = Email().Replace(result, "[email]");
        result = Postcode().Replace(result, "[postcode]");
        result = Street().Replace(result, "[address]");
        result = DateLike().Replace(result, "[date]");
        result = Phone().Replace(result, "[number]");
        var words = names.Where(n => !string.IsNullOrWhiteSpace(n))
            .SelectMany(n => n!.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Trim('.', ',', '\'', '"'))
            .Where(w => w.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length);
        foreach (var word in words)
            result = Regex.Replace(result, $@"(?<![\p{{L}}\p{{M}}]){Regex.Escape(word)}(?![\p{{L}}\p{{M}}])", "[name]",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (result.Length > MostCharacters)
        {
            var cut = result.LastIndexOf(' ', MostCharacters);
            result = result[..(cut > MostCharacters / 2 ? cut : MostCharacters)].TrimEnd() + "…";
        }
        return result;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d+[A-Za-z]?,?\s+(?:[A-Z][\p{L}'-]+\s+){1,3}(?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Way|Place|Crescent|Terrace|Court|Gardens|Grove|Hill|Row|Square|Walk|Mews|Park)\b",
        RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Street();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"(?<!\w)\+?\d[\d\s()-]{6,}\d(?!\w)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Phone();
}
