namespace Safeguard.Core.Rules;

/// <summary>A notice for an audience (see <see cref="Audiences"/>).</summary>
public sealed record AlertOutput(
    string Rule, Guid PersonId, string Code, string Key, string Explanation, IReadOnlyList<string> EventIds, string Audience)
    : RuleOutput(Rule, PersonId, Code, Key, Explanation, EventIds)
{
    /// <inheritdoc />
    public override string Kind => "alert";
}
