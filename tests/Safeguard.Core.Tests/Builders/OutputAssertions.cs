using Safeguard.Core.Rules;

namespace Safeguard.Core.Tests.Builders;

/// <summary>Finds outputs by kind, code and person.</summary>
public static class OutputAssertions
{
    public static IReadOnlyList<T> For<T>(this IEnumerable<RuleOutput> outputs, PersonFacts person, string code) where T : RuleOutput =>
        outputs.OfType<T>().Where(o => o.PersonId == person.PersonId && o.Code == code).ToList();

    public static T Single<T>(this IEnumerable<RuleOutput> outputs, PersonFacts person, string code) where T : RuleOutput =>
        Assert.Single(outputs.For<T>(person, code));

    public static void None<T>(this IEnumerable<RuleOutput> outputs, PersonFacts person, string code) where T : RuleOutput =>
        Assert.Empty(outputs.For<T>(person, code));
}
