using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Mapping;
using Safeguard.Matching.Synthetic;
using Safeguard.Matching.Text;

namespace Safeguard.Matching.Tests.Properties;

/// <summary>Names from any alphabet go through folding, phonetic keys and the whole matching engine
/// without a crash, and exact duplicates are still found.</summary>
public class UnicodeNameMatchingTests
{
    [Property(Arbitrary = [typeof(UnicodeNames)], MaxTest = 300)]
    public void Folding_any_name_never_throws_and_folding_again_changes_nothing(UnicodeName name)
    {
        var folded = NameNormaliser.Normalise(name.Value);
        Assert.Equal(folded, NameNormaliser.Normalise(folded));
        foreach (var rune in folded.EnumerateRunes())
        {
            Assert.True(Rune.IsLetter(rune), $"{name} folded to '{folded}', which holds a non-letter");
            Assert.False(Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.UppercaseLetter);
        }
    }

    [Property(Arbitrary = [typeof(UnicodeNames)], MaxTest = 300)]
    public void A_phonetic_key_is_four_characters_or_none(UnicodeName name)
    {
        var key = Soundex.Encode(name.Value);
        Assert.True(key.Length is 0 or 4, $"{name} gave '{key}'");
        Assert.Equal(key, Soundex.Encode(NameNormaliser.Normalise(name.Value)));
    }

    [Property(Arbitrary = [typeof(UnicodeNames)], MaxTest = 25)]
    public void A_file_with_names_from_any_alphabet_is_matched_and_its_exact_duplicates_linked(UnicodeName[] names, PositiveInt seed)
    {
        // Up to ten people with generated names, each on two identical rows, among 200 ordinary synthetic records.
        var people = names.Chunk(2).Where(c => c.Length == 2).Take(10).Select(c => (c[0], c[1])).ToList();
        var csv = new StringBuilder("id,first,last,dob,town\n");
        var background = new PopulationGenerator(seed.Get).Generate(200).Records;
        foreach (var r in background) csv.Append($"{r.Id},{r.Forename},{r.Surname},{r.DateOfBirth:yyyy-MM-dd},{r.Town}\n");
        for (int p = 0; p < people.Count; p++)
            for (int copy = 0; copy < 2; copy++)
                csv.Append($"u{p}-{copy},{people[p].Item1.Value},{people[p].Item2.Value},{new DateOnly(1960, 1, 1).AddDays(p * 397 + seed.Get % 300):yyyy-MM-dd},Ashbury\n");

        var records = ReadCsv(csv.ToString());
        var result = Deduplicator.Run(records);

        Assert.Equal(records.Count, result.Clusters.Count);
        for (int p = 0; p < people.Count; p++)
        {
            var (forename, surname) = people[p];
            if (NameNormaliser.Normalise(forename.Value).Length == 0 || NameNormaliser.Normalise(surname.Value).Length == 0) continue;
            int first = records.FindIndex(r => r.Id == $"u{p}-0"), second = records.FindIndex(r => r.Id == $"u{p}-1");
            Assert.True(result.Clusters[first] == result.Clusters[second], $"{forename} / {surname} not linked to its exact copy");
        }
    }

    // As `safeguard match` reads a file: through a mapping, column by column.
    private static List<PersonRecord> ReadCsv(string text)
    {
        var mapping = RecordMapping.Parse("""
            { "id": "id", "fields": { "forename": "first", "surname": "last", "dateOfBirth": { "column": "dob", "format": "yyyy-MM-dd" }, "town": "town" } }
            """);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            return mapping.Map(column => Array.IndexOf(header, column) is var k and >= 0 ? cells[k] : null);
        }).ToList();
    }
}
