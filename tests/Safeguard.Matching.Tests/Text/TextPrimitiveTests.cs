using Safeguard.Matching.Text;

namespace Safeguard.Matching.Tests.Text;

public class TextPrimitiveTests
{
    [Theory]
    [InlineData("martha", "marhta")]
    [InlineData("smith", "smyth")]
    [InlineData("jon", "john")]
    [InlineData("john", "jon")]
    [InlineData("ab", "ba")]
    public void Strings_one_keystroke_apart_are_within_one(string a, string b) => Assert.True(EditDistance.WithinOne(a, b));

    [Theory]
    [InlineData("same", "same")]
    [InlineData("smith", "smoth-")]
    [InlineData("abcd", "badc")]
    [InlineData("jo", "john")]
    public void Equal_or_further_apart_strings_are_not_within_one(string a, string b) => Assert.False(EditDistance.WithinOne(a, b));

    [Fact] public void Jaro_winkler_of_identical_strings_is_one() => Assert.Equal(1, JaroWinkler.Similarity("martha", "martha"));
    [Fact] public void Jaro_winkler_matches_the_textbook_example() => Assert.Equal(0.961, JaroWinkler.Similarity("martha", "marhta"), 3);

    [Fact]
    public void Letter_signature_bound_is_never_below_the_real_similarity()
    {
        var random = new Random(7);
        for (int k = 0; k < 20_000; k++)
        {
            string a = Word(random), b = Word(random);
            double bound = LetterSignature.JaroWinklerBound(LetterSignature.Of(a), a.Length, LetterSignature.Of(b), b.Length);
            Assert.True(bound + 1e-9 >= JaroWinkler.Similarity(a, b), $"{a} {b}");
        }
    }

    [Fact] public void Nicknames_are_variants_both_ways() => Assert.True(Nicknames.AreVariants("Peggy", "margaret") && Nicknames.AreVariants("margaret", "Peggy"));
    [Fact] public void A_name_is_not_a_variant_of_itself() => Assert.False(Nicknames.AreVariants("james", "James"));
    [Fact] public void Variants_include_the_name_itself() => Assert.Contains("william", Nicknames.VariantsOf("Bill"));
    [Fact] public void Soundex_codes_similar_sounding_names_alike() => Assert.Equal(Soundex.Encode("Robert"), Soundex.Encode("Rupert"));
    [Fact] public void Normaliser_keeps_lower_case_letters_only() => Assert.Equal("oneilsmith", NameNormaliser.Normalise(" O'Neil-Smith "));
    [Fact] public void Normaliser_removes_accents() => Assert.Equal("chloe", NameNormaliser.Normalise("Chloë"));

    private static string Word(Random random)
    {
        var chars = new char[1 + random.Next(9)];
        for (int i = 0; i < chars.Length; i++) chars[i] = (char)('a' + random.Next(6));
        return new string(chars);
    }
}
