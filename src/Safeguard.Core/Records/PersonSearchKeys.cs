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

/// <summary>What makes a name recordable: any alphabet, as typed, but with at least one letter (so it can
/// be searched for) and no control characters or broken characters (which no keyboard types and
/// PostgreSQL refuses).</summary>
public static class PersonNames
{
    /// <summary>Why the name cannot be recorded, in words, or null when it can.</summary>
    public static string? Problem(string name, string what)
    {
        foreach (var c in name)
            if (char.IsControl(c)) return $"{what} must not contain control characters.";
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) { i++; continue; }
            if (char.IsSurrogate(name[i])) return $"{what} contains a broken character.";
        }
        return NameNormaliser.HasLetter(name) ? null : $"{what} must contain at least one letter.";
    }
}
