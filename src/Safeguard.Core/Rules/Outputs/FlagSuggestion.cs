namespace Safeguard.Core.Rules;

/// <summary>A flag the engine suggests (C4): visible at once, confirmed or rejected by an authorised user.
/// When the person already carries a live flag with this code, store the suggestion as one more reason on it.</summary>
public sealed record FlagSuggestion(string Rule, Guid PersonId, string Code, string Key, string Explanation, IReadOnlyList<string> EventIds)
    : RuleOutput(Rule, PersonId, Code, Key, Explanation, EventIds)
{
    /// <inheritdoc />
    public override string Kind => "flag";
}
