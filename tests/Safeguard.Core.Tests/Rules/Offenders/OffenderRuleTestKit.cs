using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.Offenders;

/// <summary>Whole-history derivation for one person of a <see cref="World"/>, as the service runs it (E6).</summary>
internal static class OffenderRuleTestKit
{
    public static IReadOnlyList<RuleOutput> Derive(this World world, PersonFacts person, string now = "2026-12-31 12:00")
    {
        var histories = world.Histories();
        return world.Engine.Derive(histories[person.PersonId], histories, world.Settings, world.Calendar, Time.At(now)).Outputs;
    }
}
