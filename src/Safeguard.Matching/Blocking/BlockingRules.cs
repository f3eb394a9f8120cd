using Safeguard.Matching.Features;

namespace Safeguard.Matching.Blocking;

/// <summary>The blocking rules Safeguard uses for people. Each targets a kind of error the others
/// cannot survive — a wrong date of birth, a misspelt or changed surname, a nickname, a move of
/// house, swapped forename and surname. Most stay selective on a million records; the coarse
/// ones carry a small block cap so that they only fire where their blocks are small.</summary>
public static class BlockingRules
{
    /// <summary>Cap for coarse rules: on large data their blocks exceed it and are skipped.</summary>
    public const int CoarseBlockSize = 12;

    /// <summary>Cap for rules on names alone (no date of birth): a block of more people than
    /// this sharing a name says too little to be worth comparing.</summary>
    public const int NameBlockSize = 30;

    /// <summary>The standard rules, most selective first.</summary>
    public static IReadOnlyList<BlockingRule> Standard { get; } =
    [
        new("identifier", (t, i) => BlockingRule.Combine(1, t.Identifier(i))),
        new("date of birth + forename initial", (t, i) => BlockingRule.Combine(2, t.DateOfBirth(i), Initial(t, t.Forename(i)))),
        new("date of birth + surname initial", (t, i) => BlockingRule.Combine(3, t.DateOfBirth(i), Initial(t, t.Surname(i)))),
        new("date of birth + both initials, either order", (t, i) =>
            BlockingRule.Combine(4, t.DateOfBirth(i), InitialsEitherOrder(t, i))),
        new("date of birth + town", (t, i) => BlockingRule.Combine(5, t.DateOfBirth(i), t.Town(i))),
        new("surname sound + birth year and month", (t, i) => BlockingRule.Combine(6, t.SurnamePhonetic(i), t.DateOfBirth(i) / 100), NameBlockSize),
        new("surname sound + forename initial + birth month and day", (t, i) =>
            BlockingRule.Combine(7, BlockingRule.Combine(7, t.SurnamePhonetic(i), Initial(t, t.Forename(i))) is var k and not 0 ? (long)k : 0, t.DateOfBirth(i) % 10000)),
        new("surname + forename or nickname + birth year", (t, i) =>
            BlockingRule.Combine(8, BlockingRule.Combine(8, t.Surname(i), t.ForenameRoot(i)) is var k and not 0 ? (long)k : 0, t.DateOfBirth(i) / 10000)),
        new("surname + forename initial + birth year", (t, i) =>
            BlockingRule.Combine(19, BlockingRule.Combine(19, t.Surname(i), Initial(t, t.Forename(i))) is var k and not 0 ? (long)k : 0, t.DateOfBirth(i) / 10000), NameBlockSize),
        new("forename and surname sounds either order + birth year", (t, i) =>
        {
            int f = t.ForenamePhonetic(i), s = t.SurnamePhonetic(i);
            return BlockingRule.Combine(20, BlockingRule.Combine(20, Math.Min(f, s), Math.Max(f, s)) is var k and not 0 ? (long)k : 0, t.DateOfBirth(i) / 10000);
        }),
        new("address + town", (t, i) => BlockingRule.Combine(21, t.Address(i), t.Town(i))),
        new("forename or nickname + surname sound", (t, i) => BlockingRule.Combine(9, t.ForenameRoot(i), t.SurnamePhonetic(i)), NameBlockSize),
        new("forename and surname sounds, either order", (t, i) =>
        {
            int f = t.ForenamePhonetic(i), s = t.SurnamePhonetic(i);
            return BlockingRule.Combine(10, Math.Min(f, s), Math.Max(f, s));
        }, CoarseBlockSize),
        new("postcode + forename initial", (t, i) => BlockingRule.Combine(11, t.Postcode(i), Initial(t, t.Forename(i)))),
        new("postcode + surname initial", (t, i) => BlockingRule.Combine(12, t.Postcode(i), Initial(t, t.Surname(i)))),
        new("postcode + both initials, either order", (t, i) => BlockingRule.Combine(18, t.Postcode(i), InitialsEitherOrder(t, i))),
        new("surname + town", (t, i) => BlockingRule.Combine(13, t.Surname(i), t.Town(i)), NameBlockSize),
        new("forename or nickname + town + birth year", (t, i) =>
            BlockingRule.Combine(14, BlockingRule.Combine(14, t.ForenameRoot(i), t.Town(i)) is var k and not 0 ? (long)k : 0, t.DateOfBirth(i) / 10000)),
        new("identifier start", (t, i) => BlockingRule.Combine(22, IdentifierPart(t, i, fromStart: true)), NameBlockSize),
        new("identifier end", (t, i) => BlockingRule.Combine(23, IdentifierPart(t, i, fromStart: false)), NameBlockSize),
        new("surname (coarse)", (t, i) => BlockingRule.Combine(24, t.Surname(i)), CoarseBlockSize),
        new("forename or nickname (coarse)", (t, i) => BlockingRule.Combine(25, t.ForenameRoot(i)), CoarseBlockSize),
        new("date of birth (coarse)", (t, i) => BlockingRule.Combine(15, t.DateOfBirth(i)), CoarseBlockSize),
        new("surname sound + birth year (coarse)", (t, i) => BlockingRule.Combine(16, t.SurnamePhonetic(i), t.DateOfBirth(i) / 10000), CoarseBlockSize),
        new("forename or nickname + birth year (coarse)", (t, i) => BlockingRule.Combine(17, t.ForenameRoot(i), t.DateOfBirth(i) / 10000), CoarseBlockSize),
    ];

    // The first or last six characters: a typo elsewhere in an e-mail address or number leaves one intact.
    private static long IdentifierPart(FeatureTable t, int i, bool fromStart)
    {
        int id = t.Identifier(i);
        if (id == 0) return 0;
        var value = t.Identifiers[id].AsSpan();
        if (value.Length < 8) return 0;
        return BlockingRule.Hash(fromStart ? value[..6] : value[^6..]);
    }

    private static int Initial(FeatureTable t, int nameId) => nameId == 0 ? 0 : t.Names[nameId][0];

    private static int InitialsEitherOrder(FeatureTable t, int i)
    {
        int f = Initial(t, t.Forename(i)), s = Initial(t, t.Surname(i));
        return f == 0 || s == 0 ? 0 : Math.Min(f, s) << 16 | Math.Max(f, s);
    }
}
