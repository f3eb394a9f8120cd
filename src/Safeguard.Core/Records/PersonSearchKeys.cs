using Safeguard.Matching.Text;

namespace Safeguard.Core.Records;

/// <summary>Keeps a person's search keys (normalised and phonetic names) in step with their names.</summary>
public static class PersonSearchKeys
{
    public static void Apply(Person p)
    {
        p.ForenameKey = NameNormaliser.Normalise(p.Forename);
        p.SurnameKey = NameNormaliser.Normalise(p.Surname);
        p.ForenamePhonetic = Soundex.Encode(p.Forename);
        p.SurnamePhonetic = Soundex.Encode(p.Surname);
        p.Postcode = NormalisePostcode(p.Postcode);
    }

    /// <summary>"pl1 2ab" → "PL1 2AB"; blank → null.</summary>
    public static string? NormalisePostcode(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode)) return null;
        var compact = new string(postcode.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length > 3 ? compact[..^3] + " " + compact[^3..] : compact;
    }
}
