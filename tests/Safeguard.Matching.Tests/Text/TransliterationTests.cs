using Safeguard.Matching.Text;

namespace Safeguard.Matching.Tests.Text;

public class TransliterationTests
{
    [Theory]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Øyvind", "oyvind")]
    [InlineData("Müller", "muller")]
    [InlineData("José", "jose")]
    [InlineData("Æsa", "aesa")]
    [InlineData("Straße", "strasse")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("Þórunn", "thorunn")]
    [InlineData("Siobhán Ní Bhriain", "siobhannibhriain")]
    [InlineData("Дмитрий", "dmitriy")]
    [InlineData("Щукин", "shchukin")]
    [InlineData("Олександр", "oleksandr")]
    [InlineData("Γιώργος", "giorgos")]
    [InlineData("Παπαδόπουλος", "papadopoulos")]
    [InlineData("Ｊｏｈｎ", "john")]
    public void Names_fold_to_latin_letters_without_accents(string typed, string folded) =>
        Assert.Equal(folded, NameNormaliser.Normalise(typed));

    [Theory]
    [InlineData("محمد")]
    [InlineData("王小明")]
    [InlineData("שרה")]
    public void Names_in_scripts_without_a_table_keep_their_letters(string typed) =>
        Assert.Equal(typed, NameNormaliser.Normalise(typed));

    [Fact]
    public void Arabic_vowel_marks_are_folded_away() => Assert.Equal("محمد", NameNormaliser.Normalise("مُحَمَّد"));

    [Theory]
    [InlineData("Łukasz", "Lukasz")]
    [InlineData("Øyvind", "Oyvind")]
    [InlineData("Müller", "Mueller")]
    public void Accented_and_plain_spellings_sound_alike(string a, string b) => Assert.Equal(Soundex.Encode(a), Soundex.Encode(b));

    [Theory]
    [InlineData("محمد")]
    [InlineData("'-'")]
    [InlineData("\u0301")]
    public void A_name_with_no_latin_letter_has_no_phonetic_key(string typed) => Assert.Equal("", Soundex.Encode(typed));
}
