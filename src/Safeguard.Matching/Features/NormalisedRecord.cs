using System.Text;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Features;

/// <summary>A record's fields in comparable form, before interning. Computing this is the costly,
/// embarrassingly parallel part of preparing a table, so it is kept apart from interning.</summary>
internal readonly record struct NormalisedRecord(
    string Id, string Forename, string Surname, string ForenamePhonetic, string SurnamePhonetic,
    int DateOfBirth, int Gender, string Address, string Town, string Postcode, string Identifier)
{
    public static NormalisedRecord From(PersonRecord r)
    {
        var forename = FirstWord(r.Forename);
        var surname = NameNormaliser.Normalise(r.Surname);
        if ((forename.Length == 0 || surname.Length == 0) && !string.IsNullOrWhiteSpace(r.FullName))
        {
            var words = r.FullName.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2)
            {
                if (forename.Length == 0) forename = NameNormaliser.Normalise(words[0]);
                if (surname.Length == 0) surname = NameNormaliser.Normalise(words[^1]);
            }
            else if (words.Length == 1 && surname.Length == 0) surname = NameNormaliser.Normalise(words[0]);
        }
        var dob = r.DateOfBirth is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : 0;
        var gender = string.IsNullOrWhiteSpace(r.Gender) ? 0 : char.ToLowerInvariant(r.Gender.Trim()[0]);
        if (gender is not ('m' or 'f')) gender = 0;
        return new NormalisedRecord(
            r.Id, forename, surname, Soundex.Encode(forename), Soundex.Encode(surname), dob, gender,
            Squash(r.AddressLine, keepSpaces: true), NameNormaliser.Normalise(r.Town),
            Squash(r.Postcode, keepSpaces: false), Squash(r.Identifier, keepSpaces: false, keepPunctuation: true));
    }

    private static string FirstWord(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var trimmed = name.AsSpan().Trim();
        int end = trimmed.IndexOfAny(' ', '\t');
        return NameNormaliser.Normalise(end < 0 ? trimmed.ToString() : trimmed[..end].ToString());
    }

    // Lower-case letters and digits; runs of anything else become one space or vanish.
    private static string Squash(string? value, bool keepSpaces, bool keepPunctuation = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var sb = new StringBuilder(value.Length);
        bool pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c) || (keepPunctuation && (c is '@' or '.' or '-' or '_')))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else pendingSpace = keepSpaces;
        }
        return sb.ToString();
    }
}
