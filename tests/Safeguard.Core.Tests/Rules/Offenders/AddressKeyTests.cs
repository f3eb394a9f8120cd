using Safeguard.Core.Rules.Offenders;

namespace Safeguard.Core.Tests.Rules.Offenders;

public class AddressKeyTests
{
    [Theory]
    [InlineData("14 Church Road", "PL1 4AB", "14 church rd.", "pl14ab")]
    [InlineData("Flat 2, 14a Church Street", "PL1 4AB", "flat 2 14 A Church St", " Pl1  4ab ")]
    [InlineData("3 The Crescent", "EX4 6PX", "3 Crescent", "EX46PX")]
    [InlineData("7 Rue Noël Avenue", "TR1 2AB", "7 rue noel ave", "TR1 2AB")]
    [InlineData("12 Harbour Terr", "TQ1 1AA", "12 harbour terrace", "tq1 1aa")]
    public void Variants_of_one_home_match(string line1, string postcode1, string line2, string postcode2) =>
        Assert.True(AddressKey.Same(line1, postcode1, line2, postcode2));

    [Theory]
    [InlineData("14 Church Road", "PL1 4AB", "16 Church Road", "PL1 4AB")] // another house
    [InlineData("14 Church Road", "PL1 4AB", "14 Church Road", "PL1 4AD")] // another postcode
    [InlineData("Flat 2, 14 Church Road", "PL1 4AB", "Flat 3, 14 Church Road", "PL1 4AB")] // another flat
    [InlineData("14 Church Road", "", "14 Church Road", "")] // no postcode: a street name alone is many homes
    [InlineData("14 Church Road", "not a postcode", "14 Church Road", "not a postcode")]
    public void Different_or_unknown_homes_do_not_match(string line1, string postcode1, string line2, string postcode2) =>
        Assert.False(AddressKey.Same(line1, postcode1, line2, postcode2));

    [Fact]
    public void Postcodes_are_upper_case_without_spaces() => Assert.Equal("PL14AB", AddressKey.PostcodeKey(" pl1 4ab"));
}
