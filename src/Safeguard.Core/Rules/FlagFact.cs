using Safeguard.Core.Flags;

namespace Safeguard.Core.Rules;

/// <summary>A flag a person carries, as the rules see it.</summary>
/// <param name="Code">Flag code (C2), e.g. <c>cse-risk</c>.</param>
/// <param name="Status">suggested, confirmed, rejected or ended (<see cref="FlagStatus"/>).</param>
/// <param name="Since">When the flag was raised, when known: a whole-history derivation counts it only for events
/// that happened from then on, so the same events give the same outputs whenever they were recorded.</param>
public sealed record FlagFact(string Code, string Status, DateTimeOffset? Since = null);
