using Safeguard.Matching.Blocking;
using Safeguard.Matching.Features;

namespace Safeguard.Matching.Training;

/// <summary>One round of expectation–maximisation over the pairs that share a key. Inside such a
/// block the non-matching pairs agree on the key's fields far more often than random pairs do, so
/// those fields (and fields that go with them, such as postcode with address) are left out of
/// the round: their m is learned in rounds blocked on something else.</summary>
/// <param name="Rule">How the round's pairs are chosen.</param>
/// <param name="ExcludedFields">Comparison field names not learned in this round.</param>
public sealed record TrainingSession(BlockingRule Rule, IReadOnlyList<string> ExcludedFields)
{
    /// <summary>Three rounds that between them learn every field: blocked on the identifier, on
    /// the date of birth, and on the sound of both names.</summary>
    public static IReadOnlyList<TrainingSession> Standard { get; } =
    [
        new(new BlockingRule("identifier", (t, i) => BlockingRule.Combine(101, t.Identifier(i))), ["identifier"]),
        new(new BlockingRule("date of birth", (t, i) => BlockingRule.Combine(102, t.DateOfBirth(i))), ["dateOfBirth"]),
        new(new BlockingRule("forename and surname sounds", (t, i) =>
            BlockingRule.Combine(103, t.ForenamePhonetic(i), t.SurnamePhonetic(i))), ["forename", "surname", "gender"]),
        new(new BlockingRule("postcode", (t, i) =>
            BlockingRule.Combine(104, t.Postcode(i))), ["postcode", "addressLine", "town"]),
    ];

    internal static int[] ExcludedIndexes(TrainingSession session, IReadOnlyList<string> fieldNames) =>
        Enumerable.Range(0, fieldNames.Count).Where(f => session.ExcludedFields.Contains(fieldNames[f])).ToArray();

    internal static ulong Key(TrainingSession session, FeatureTable table, int i) => session.Rule.Key(table, i);
}
