using System.Text;

namespace Safeguard.Matching.Text;

/// <summary>Latin spellings for letters that Unicode decomposition leaves alone: Latin letters with a
/// stroke or ligature (ł, ø, æ, ß, đ, þ), and the Greek and Cyrillic alphabets, spelt as a British
/// officer would write them down (close to BGN/PCGN and ELOT 743, simplified: no diacritics, one
/// spelling per letter). Keys are lower-case letters; anything not listed is left to decomposition.</summary>
public static class Transliteration
{
    private static readonly Dictionary<int, string> Table = Build(
        // Latin letters that do not decompose into a base letter and an accent.
        "ł l|đ d|ð d|ø o|æ ae|œ oe|ß ss|þ th|ħ h|ı i|ŋ ng|ŧ t|ƒ f|ǥ g|ɨ i|ĸ k|ŀ l|ʉ u|ɖ d|ɗ d|ɓ b|ƙ k|ƴ y|ǝ e|ə e|ɛ e|ɔ o|ĳ ij|ſ s",
        // Greek (accents and diaeresis decompose first).
        "α a|β v|γ g|δ d|ε e|ζ z|η i|θ th|ι i|κ k|λ l|μ m|ν n|ξ x|ο o|π p|ρ r|σ s|ς s|τ t|υ y|φ f|χ ch|ψ ps|ω o",
        // Cyrillic: Russian, then the letters Ukrainian, Belarusian, Serbian and Macedonian add.
        "а a|б b|в v|г g|д d|е e|ё yo|ж zh|з z|и i|й y|к k|л l|м m|н n|о o|п p|р r|с s|т t|у u|ф f|х kh|ц ts|ч ch|ш sh|щ shch|ъ |ы y|ь |э e|ю yu|я ya",
        "і i|ї yi|є ye|ґ g|ў u|ј j|љ lj|њ nj|ђ dj|ћ c|џ dz|ѓ gj|ќ kj|ѕ dz");

    /// <summary>The Latin spelling of a lower-case letter, when it has one here ("" for the hard and soft signs).</summary>
    public static bool TryGet(Rune lowerCaseLetter, out string latin) => Table.TryGetValue(lowerCaseLetter.Value, out latin!);

    private static Dictionary<int, string> Build(params string[] lists)
    {
        var table = new Dictionary<int, string>();
        foreach (var list in lists)
            foreach (var entry in list.Split('|'))
            {
                var letter = Rune.GetRuneAt(entry, 0);
                table[letter.Value] = entry[(letter.Utf16SequenceLength + 1)..];
            }
        return table;
    }
}
