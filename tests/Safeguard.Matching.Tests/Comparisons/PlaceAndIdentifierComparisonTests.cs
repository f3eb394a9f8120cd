using Safeguard.Matching.Comparisons;

namespace Safeguard.Matching.Tests.Comparisons;

public class PlaceAndIdentifierComparisonTests
{
    private static PersonRecord At(string? address = null, string? town = null, string? postcode = null) =>
        A.Person("ann", "lee").LivingAt(address, town, postcode);

    [Fact] public void Postcodes_differing_only_in_spacing_are_exact() => Assert.Equal(FieldComparison.Exact, A.Level(new PostcodeComparison(), At(postcode: "LS1 4AB"), At(postcode: "ls14ab")));
    [Fact] public void Postcode_with_one_wrong_character_agrees_partially() => Assert.Equal(PostcodeComparison.OneCharacter, A.Level(new PostcodeComparison(), At(postcode: "LS1 4AB"), At(postcode: "LS1 4AD")));
    [Fact] public void Postcodes_in_one_district_agree_as_district() => Assert.Equal(PostcodeComparison.SameDistrict, A.Level(new PostcodeComparison(), At(postcode: "LS1 4AB"), At(postcode: "LS1 9ZZ")));
    [Fact] public void Postcodes_elsewhere_are_different() => Assert.Equal(new PostcodeComparison().Different, A.Level(new PostcodeComparison(), At(postcode: "LS1 4AB"), At(postcode: "M2 9ZZ")));

    [Fact] public void Address_with_a_typo_is_close() => Assert.Equal(AddressComparison.Close, A.Level(new AddressComparison(), At("14 Church Road"), At("14 Chruch Road")));
    [Fact] public void Address_sharing_half_its_words_is_partial() => Assert.Equal(AddressComparison.Partial, A.Level(new AddressComparison(), At("14 Church Road"), At("Flat 2, 14 Church Lane")));
    [Fact] public void Addresses_sharing_no_word_are_different() => Assert.Equal(new AddressComparison().Different, A.Level(new AddressComparison(), At("14 Church Road"), At("3 Mill Lane")));
    [Fact] public void A_missing_address_is_missing() => Assert.Equal(FieldComparison.Missing, A.Level(new AddressComparison(), At(null), At("3 Mill Lane")));

    [Fact] public void Misspelt_town_is_close() => Assert.Equal(TownComparison.Close, A.Level(new TownComparison(), At(town: "Manchester"), At(town: "Mancheser")));
    [Fact] public void Different_towns_are_different() => Assert.Equal(new TownComparison().Different, A.Level(new TownComparison(), At(town: "Leeds"), At(town: "Hull")));

    [Fact] public void Identifier_with_one_wrong_digit_agrees_partially() =>
        Assert.Equal(IdentifierComparison.OneCharacter, A.Level(new IdentifierComparison(), A.Person().WithIdentifier("123456789"), A.Person().WithIdentifier("123456780")));
    [Fact] public void Email_with_two_typos_is_close() =>
        Assert.Equal(IdentifierComparison.Close, A.Level(new IdentifierComparison(), A.Person().WithIdentifier("ann.lee@example.org"), A.Person().WithIdentifier("ann.lea@exampel.org")));
    [Fact] public void Unrelated_identifiers_are_different() =>
        Assert.Equal(new IdentifierComparison().Different, A.Level(new IdentifierComparison(), A.Person().WithIdentifier("123456789"), A.Person().WithIdentifier("987654321")));

    [Fact] public void Gender_compares_first_letters() => Assert.Equal(FieldComparison.Exact, A.Level(new GenderComparison(), A.Person().WithGender("Female"), A.Person().WithGender("f")));
    [Fact] public void Unknown_gender_is_missing() => Assert.Equal(FieldComparison.Missing, A.Level(new GenderComparison(), A.Person().WithGender("unknown"), A.Person().WithGender("f")));
    [Fact] public void Opposite_genders_are_different() => Assert.Equal(new GenderComparison().Different, A.Level(new GenderComparison(), A.Person().WithGender("m"), A.Person().WithGender("f")));
}
