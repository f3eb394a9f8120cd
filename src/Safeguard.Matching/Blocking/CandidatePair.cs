namespace Safeguard.Matching.Blocking;

/// <summary>Two records to compare (indexes into a feature table) and their packed comparison pattern.</summary>
public record struct CandidatePair(int Left, int Right, uint Pattern);
