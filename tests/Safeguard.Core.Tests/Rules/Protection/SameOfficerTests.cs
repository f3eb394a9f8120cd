using Safeguard.Core.Recording;

namespace Safeguard.Core.Tests.Rules.Protection;

/// <summary>PP1: the designated officer must not be the initiating officer, however the name is typed.</summary>
public class SameOfficerTests
{
    [Theory]
    [InlineData("PC 1234 Ana Díaz", "PC 1234 Ana Díaz")]
    [InlineData("PC 1234 Ana Díaz", "pc1234 ana díaz")]
    [InlineData("PC 1234 Ana Díaz", "  PC 1234, Ana Díaz. ")]
    public void The_same_officer_typed_differently_is_the_same(string initiating, string designated) =>
        Assert.True(RecordingStandards.SameOfficer(initiating, designated));

    [Theory]
    [InlineData("PC 1234 Ana Díaz", "Insp 77 Ana Díaz")]
    [InlineData("PC 1234 Ana Díaz", "PC 1235 Ana Díaz")]
    [InlineData("", "")]
    [InlineData(null, "PC 1")]
    public void Different_or_blank_officers_are_not_the_same(string? initiating, string? designated) =>
        Assert.False(RecordingStandards.SameOfficer(initiating, designated));

    [Fact]
    public void A_police_protection_with_the_same_officer_twice_is_refused_with_its_code()
    {
        var data = System.Text.Json.JsonDocument.Parse("""{"initiatingOfficer":"PS 9 Li Wei","designatedOfficer":"ps 9 li wei"}""").RootElement;
        var found = RecordingStandards.Check("police-protection", data, []);
        Assert.Contains(found, f => f.Code == "designated-officer-same-as-initiating" && f.Field == "designatedOfficer");
    }
}
