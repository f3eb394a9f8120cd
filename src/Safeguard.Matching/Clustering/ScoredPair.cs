namespace Safeguard.Matching.Clustering;

/// <summary>A candidate pair and its total match weight in bits.</summary>
public readonly record struct ScoredPair(int Left, int Right, double Weight);
