using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Offenders;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

public class OffenderRegistrationCheckTests
{
    private readonly PersonFacts _offender = A.Adult();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    public void Mappa_categories_and_levels_1_to_3_are_accepted(int category, int level) =>
        Assert.Null(OffenderRegistrationCheck.Check(An.Event("offender-registered").Offender(_offender).With("riskLevel", "low")
            .With("mappaCategory", category).With("mappaLevel", level)));

    [Theory]
    [InlineData(0, 1, "data.mappaCategory")]
    [InlineData(4, 1, "data.mappaCategory")]
    [InlineData(1, 0, "data.mappaLevel")]
    [InlineData(2, 4, "data.mappaLevel")]
    public void Mappa_outside_1_to_3_is_refused_naming_the_field(int category, int level, string field)
    {
        var refusal = OffenderRegistrationCheck.Check(An.Event("offender-registered").Offender(_offender).With("riskLevel", "low")
            .With("mappaCategory", category).With("mappaLevel", level));
        Assert.Equal(("mappa-invalid", field), (refusal?.Code, refusal?.Field));
    }

    [Fact]
    public void A_registration_without_mappa_is_refused() =>
        Assert.Equal("mappa-invalid", OffenderRegistrationCheck.Check(An.Event("offender-registered").Offender(_offender).With("riskLevel", "low"))?.Code);

    [Fact]
    public void A_plan_may_leave_mappa_as_it_was_but_not_visit_every_0_months()
    {
        Assert.Null(OffenderRegistrationCheck.Check(An.Event("offender-plan").Offender(_offender).With("visitMonths", 2)));
        Assert.Equal("visit-frequency-invalid", OffenderRegistrationCheck.Check(An.Event("offender-plan").Offender(_offender).With("visitMonths", 0))?.Code);
    }
}
