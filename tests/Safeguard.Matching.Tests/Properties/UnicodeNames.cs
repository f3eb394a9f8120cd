using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Safeguard.Matching.Tests.Properties;

/// <summary>A name as someone might type it, from any alphabet.</summary>
public sealed record UnicodeName(string Value, string Script)
{
    public override string ToString() => $"{Script}: \"{Value}\" ({string.Join(' ', Value.EnumerateRunes().Select(r => $"U+{r.Value:X4}"))})";
}

/// <summary>FsCheck generators of names from many alphabets: Latin with accents and letters that do not
/// decompose, Latin with stacked combining marks, Greek, Cyrillic, Arabic and Hebrew (right to left,
/// sometimes with direction marks), Devanagari, Hangul, Chinese (including characters outside the Basic
/// Multilingual Plane, written as surrogate pairs), and names with no letter at all once folded
/// (marks only, punctuation, digits, emoji). Shared with the web tests.</summary>
public static class UnicodeNames
{
    private const string LatinExtra = "abcdefghijklmnopqrstuvwxyzłøæœßđðþħıŋàáâãäåçèéêëìíîïñòóôõöùúûüýÿčšžřěůőűąęśźżńğşțșľĺŕ";

    public static Arbitrary<UnicodeName> Arbitrary() => Arb.From(Any);

    /// <summary>Names that keep at least one letter when folded.</summary>
    public static Arbitrary<UnicodeName> WithLetters() => Arb.From(Gen.OneOf(Scripts));

    public static Gen<UnicodeName> Any => Gen.Frequency((9, Gen.OneOf(Scripts)), (1, Letterless));

    private static Gen<UnicodeName>[] Scripts =>
    [
        Word(LatinExtra.EnumerateRunes().Select(r => r.Value).ToArray(), 2, 9, capitalise: true).Select(v => new UnicodeName(v, "latin")),
        CombiningLatin.Select(v => new UnicodeName(v, "latin + combining marks")),
        Word(Range(0x03B1, 0x03C9).Concat([0x03AC, 0x03AD, 0x03AE, 0x03AF, 0x03CC, 0x03CD, 0x03CE, 0x03CA]).ToArray(), 2, 9, capitalise: true)
            .Select(v => new UnicodeName(v, "greek")),
        Word(Range(0x0430, 0x044F).Concat([0x0451, 0x0456, 0x0457, 0x0454, 0x0491]).ToArray(), 2, 9, capitalise: true)
            .Select(v => new UnicodeName(v, "cyrillic")),
        RightToLeft(Range(0x0627, 0x064A), "arabic", [0x064E, 0x064F, 0x0650, 0x0651]),
        RightToLeft(Range(0x05D0, 0x05EA), "hebrew", [0x05B4, 0x05B7]),
        Word(Range(0x0915, 0x0939), 1, 4).SelectMany(w => Gen.Elements(0x093E, 0x093F, 0x0940, 0x094B).Select(s => w + char.ConvertFromUtf32(s)))
            .Select(v => new UnicodeName(v, "devanagari")),
        Word(Range(0xAC00, 0xD7A3), 1, 3).Select(v => new UnicodeName(v, "hangul")),
        Word(Range(0x4E00, 0x9FFF), 1, 3).Select(v => new UnicodeName(v, "chinese")),
        Word(Range(0x20000, 0x2A6DF), 1, 3).Select(v => new UnicodeName(v, "chinese, outside the BMP")),
    ];

    private static Gen<UnicodeName> Letterless => Gen.Elements(
        new UnicodeName("\u0301\u0308", "marks only"), new UnicodeName("'-'", "punctuation only"), new UnicodeName("1234", "digits only"),
        new UnicodeName("\U0001F600", "emoji"), new UnicodeName("\u200F\u0651", "direction mark and shadda"));

    private static Gen<string> CombiningLatin =>
        from n in Gen.Choose(2, 8)
        from letters in Gen.ArrayOf(LatinWithMarks, n)
        select Capitalise(string.Concat(letters));

    private static Gen<string> LatinWithMarks =>
        from letter in Gen.Choose('a', 'z')
        from mark in Gen.Elements(0, 0x0300, 0x0301, 0x0308, 0x030C, 0x0327, 0x0323)
        from second in Gen.Elements(0, 0, 0x0302, 0x0304)
        select (char)letter + (mark == 0 ? "" : char.ConvertFromUtf32(mark)) + (second == 0 ? "" : char.ConvertFromUtf32(second));

    private static Gen<UnicodeName> RightToLeft(int[] letters, string script, int[] marks) =>
        from word in Word(letters, 2, 7)
        from mark in Gen.Elements(marks.Append(0).ToArray())
        from direction in Gen.Elements("", "", "\u200F")
        select new UnicodeName(direction + (mark == 0 ? word : word.Insert(1, char.ConvertFromUtf32(mark))), script);

    private static Gen<string> Word(int[] codePoints, int min, int max, bool capitalise = false) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(codePoints), n))
            .Select(cps =>
            {
                var sb = new StringBuilder();
                foreach (var cp in cps) sb.Append(char.ConvertFromUtf32(cp));
                return capitalise ? Capitalise(sb.ToString()) : sb.ToString();
            });

    private static string Capitalise(string s)
    {
        var first = Rune.GetRuneAt(s, 0);
        return Rune.ToUpperInvariant(first) + s[first.Utf16SequenceLength..];
    }

    private static int[] Range(int from, int to) => Enumerable.Range(from, to - from + 1).ToArray();
}
