namespace Safeguard.Core.Rules.Missing;

/// <summary>MI4 / F5: when a missing child is found, a police safe-and-well (prevention) check is due before the
/// episode closes. Guidance sets no hours, so the task is due <c>MI4.safeAndWellCheckHours</c> (24 by default)
/// after <c>locatedAt</c>; it closes on a <c>safe-and-well-check</c> with the episode's <c>missingEventId</c>.</summary>
public sealed class SafeAndWellCheckRule : IRule
{
    /// <inheritdoc />
    public string Name => "MI4-safe-and-well-check";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-located" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context) =>
        MissingEpisodes.TaskAfterReturn(context, Name, "safe-and-well-check", context.Settings.SafeAndWellCheckHours, Teams.Response, "a safe-and-well check is due");
}
