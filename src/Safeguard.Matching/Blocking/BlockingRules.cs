using Safeguard.Matching.Features;

namespace Safeguard.Matching.Blocking;

/// <summary>The blocking rules Safeguard uses for people. Each targets a kind of error the others
/// cannot survive: a wrong date of birth, a misspelt or changed surname, a nickname, a move of
/// house, swapped forename and surname.</summary>
public static class BlockingRules
{
    /// <summary>The standard rules, most selective first.</summary>
    public static IReadOnlyList<BlockingRule> Standard { get; } =
    [
        new("identifier", (t, i) => BlockingRule.Combine(1, t.Identifier(i))),
        new("date of birth", (t, i) => BlockingRule.Combine(2, t.DateOfBirth(i))),
        new("surname sound + birth year", (t, i) => BlockingRule.Combine(3, t.SurnamePhonetic(i), t.DateOfBirth(i) / 10000)),
        new("surname sound + birth month and day", (t, i) => BlockingRule.Combine(4, t.SurnamePhonetic(i), t.DateOfBirth(i) % 10000)),
        new("forename and surname sounds, either order", (t, i) =>
        {
            int f = t.ForenamePhonetic(i), s = t.SurnamePhonetic(i);
            return BlockingRule.Combine(5, Math.Min(f, s), Math.Max(f, s));
        }),
        new("forename or nickname + birth year", (t, i) => BlockingRule.Combine(6, t.ForenameRoot(i), t.DateOfBirth(i) / 10000)),
        new("postcode + forename initial", (t, i) => BlockingRule.Combine(7, t.Postcode(i), Initial(t, i))),
        new("address", (t, i) => BlockingRule.Combine(8, t.Address(i))),
        new("surname + town", (t, i) => BlockingRule.Combine(9, t.Surname(i), t.Town(i))),
    ];

    private static int Initial(FeatureTable t, int i)
    {
        int id = t.Forename(i);
        return id == 0 ? 0 : t.Names[id][0];
    }
}
