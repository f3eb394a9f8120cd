namespace Safeguard.Matching.Mapping;

/// <summary>Where one person field comes from in a source row: one or more columns (joined with a
/// space) and, for dates, the format they are written in.</summary>
/// <param name="Columns">Source column names, in joining order.</param>
/// <param name="Format">Date format (e.g. "yyyyMMdd"); null for text fields or to accept common formats.</param>
public sealed record FieldMapping(IReadOnlyList<string> Columns, string? Format = null);
