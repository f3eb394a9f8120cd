namespace Safeguard.Core.Rules;

/// <summary>What one person's whole history supports, from <see cref="RuleEngine.Derive"/>: the outputs their
/// derivation owns. Some may be about other people (an alert on another child linked to the same suspect); the
/// caller stores each with <see cref="SubjectId"/> as the derivation that made it, and reconciles exactly those.</summary>
/// <param name="SubjectId">The person whose history was derived.</param>
/// <param name="Outputs">Flag suggestions, tasks, alerts, wake-ups and the closures of tasks already fulfilled,
/// de-duplicated by key, in a fixed order.</param>
public sealed record DerivedOutputs(Guid SubjectId, IReadOnlyList<RuleOutput> Outputs);
