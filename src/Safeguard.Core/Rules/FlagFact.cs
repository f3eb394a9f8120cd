using Safeguard.Core.Flags;

namespace Safeguard.Core.Rules;

/// <summary>A flag a person carries, as the rules see it.</summary>
/// <param name="Code">Flag code (C2), e.g. <c>cse-risk</c>.</param>
/// <param name="Status">suggested, confirmed, rejected or ended (<see cref="FlagStatus"/>).</param>
public sealed record FlagFact(string Code, string Status);
