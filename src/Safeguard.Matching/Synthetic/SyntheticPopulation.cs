namespace Safeguard.Matching.Synthetic;

/// <summary>Generated records with their truth: <see cref="PersonOf"/>[k] is the person behind
/// <see cref="Records"/>[k].</summary>
public sealed record SyntheticPopulation(IReadOnlyList<PersonRecord> Records, IReadOnlyList<int> PersonOf);
