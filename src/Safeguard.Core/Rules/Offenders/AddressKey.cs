using System.Globalization;
using System.Text;

namespace Safeguard.Core.Rules.Offenders;

/// <summary>An address reduced to what identifies it (K4, D3), so that "Flat 2, 14a Church Rd." in PL1 4AB and
/// "flat 2 14A church road" in pl14ab are the same home: the postcode upper case without spaces; the first line in lower
/// case without punctuation or accents, with the usual abbreviations written out (Rd, St, Ave, ...) and a house number's
/// letter joined to it ("14 a" is "14a"). Two addresses match when both keys are equal; a missing or malformed postcode
/// never matches, because a street name alone is shared by many homes. Pure.</summary>
public sealed record AddressKey(string Line, string Postcode)
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["rd"] = "road", ["st"] = "street", ["ave"] = "avenue", ["av"] = "avenue", ["ln"] = "lane", ["cl"] = "close", ["cres"] = "crescent",
        ["cresc"] = "crescent", ["dr"] = "drive", ["ct"] = "court", ["pl"] = "place", ["sq"] = "square", ["gdns"] = "gardens",
        ["gdn"] = "garden", ["terr"] = "terrace", ["ter"] = "terrace", ["tce"] = "terrace", ["pk"] = "park", ["hse"] = "house",
        ["apt"] = "flat", ["apartment"] = "flat", ["flt"] = "flat", ["hts"] = "heights", ["mt"] = "mount", ["grn"] = "green",
        ["wy"] = "way", ["bldgs"] = "buildings", ["est"] = "estate",
    };

    /// <summary>The key of an address, or null when the postcode is not a UK postcode shape or the line is empty.</summary>
    public static AddressKey? Of(string? line1, string? postcode)
    {
        var code = PostcodeKey(postcode);
        var line = LineKey(line1);
        return code is null || line.Length == 0 ? null : new AddressKey(line, code);
    }

    /// <summary>"pl1 4ab", "PL14AB" and " Pl1  4Ab " are all "PL14AB"; null unless 5 to 7 letters and digits, starting
    /// with a letter and ending digit-letter-letter (the inward code).</summary>
    public static string? PostcodeKey(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var code = new string(postcode.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        bool shape = code.Length is >= 5 and <= 7 && char.IsLetter(code[0])
            && char.IsDigit(code[^3]) && char.IsLetter(code[^2]) && char.IsLetter(code[^1]);
        return shape ? code : null;
    }

    /// <summary>The first line in lower case, accents and punctuation gone, abbreviations written out, "14 a" as "14a".</summary>
    public static string LineKey(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return "";
        var plain = new StringBuilder();
        foreach (var c in line.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var tokens = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => Words.GetValueOrDefault(t, t)).Where(t => t != "the").ToList();
        var joined = new List<string>();
        foreach (var t in tokens)
        {
            // "14 a" → "14a": a single letter after a number is the number's suffix.
            if (t.Length == 1 && char.IsLetter(t[0]) && joined.Count > 0 && joined[^1].All(char.IsDigit)) joined[^1] += t;
            else joined.Add(t);
        }
        return string.Join(' ', joined);
    }

    /// <summary>The <see cref="Cases.EventReference"/> field under which an offender's address is indexed, so a child recorded
    /// later at the same home finds the offender (K4).</summary>
    public const string ReferenceField = "offenderAddress";

    /// <summary>The indexed value of this home: a hash of the key, so it fits the index whatever the address's length.</summary>
    public string Reference => "address:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Line + "|" + Postcode)))[..40].ToLowerInvariant();

    /// <summary>The home an offender's registration or notification gives (<c>data.address</c>), or null.</summary>
    public static AddressKey? OfferedBy(ChronologyEvent e)
    {
        if (e.Type is not ("offender-registered" or "offender-notification")) return null;
        if (e.Data.ValueKind != System.Text.Json.JsonValueKind.Object || !e.Data.TryGetProperty("address", out var a)
            || a.ValueKind != System.Text.Json.JsonValueKind.Object) return null;
        string? Str(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        return Of(Str("line1"), Str("postcode"));
    }

    /// <summary>True when the two addresses are the same home.</summary>
    public static bool Same(string? line1, string? postcode1, string? line2, string? postcode2) =>
        Of(line1, postcode1) is { } a && Of(line2, postcode2) is { } b && a == b;
}
