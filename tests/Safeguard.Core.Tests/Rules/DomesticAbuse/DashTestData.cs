using System.Text.Json;
using Safeguard.Core.Rules;
using Safeguard.Core.Tests.Builders;

namespace Safeguard.Core.Tests.Rules.DomesticAbuse;

/// <summary>DASH and domestic abuse incident events for the rule tests.</summary>
internal static class Da
{
    /// <summary>A DASH with the first <paramref name="yes"/> questions "yes", the next <paramref name="notKnown"/> not known, the rest "no".</summary>
    public static ChronologyEvent Dash(PersonFacts victim, string at, int yes, string? judgement = null, int notKnown = 0, PersonFacts? suspect = null, string? id = null)
    {
        var answers = Enumerable.Range(1, 27).ToDictionary(n => $"q{n}", n => n <= yes ? (object?)true : n <= yes + notKnown ? null : false);
        var data = new Dictionary<string, object?> { ["answers"] = answers };
        if (judgement is not null) data["professionalJudgement"] = judgement;
        var builder = An.Event("dash").Id(id ?? $"dash-{at}").At(at).Victim(victim);
        if (suspect is not null) builder = builder.Suspect(suspect);
        return builder.Build() with { Data = JsonSerializer.SerializeToElement(data) };
    }

    public static ChronologyEvent Incident(PersonFacts victim, PersonFacts suspect, string at, string? id = null) =>
        An.Event("incident").Id(id ?? $"inc-{at}").At(at).Victim(victim).Suspect(suspect).WithList("classifications", "domestic-abuse").Build();

    public static ChronologyEvent MaracReferral(PersonFacts victim, string at, PersonFacts? suspect = null, string? id = null)
    {
        var builder = An.Event("referral").Id(id ?? $"ref-{at}").At(at).Victim(victim).With("kind", "marac").With("to", "LA-DEV").With("reason", "high risk");
        if (suspect is not null) builder = builder.Suspect(suspect);
        return builder;
    }
}
