namespace Safeguard.Core.MatchReviews;

/// <summary>A pair of records that may be one person, waiting for a person to decide (D5, O): found by an
/// import, or by someone adding a person who said the offered records were not them.</summary>
public sealed class MatchReview
{
    public Guid Id { get; set; }
    /// <summary>The record just created (imported or added).</summary>
    public Guid IncomingPersonId { get; set; }
    /// <summary>The existing record it may be.</summary>
    public Guid CandidatePersonId { get; set; }
    public double Score { get; set; }
    /// <summary>Why the two look alike, field by field (no values, only agreements).</summary>
    public List<string> Reasons { get; set; } = [];
    /// <summary>"import:SYSTEM" or "creation".</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>open, linked or kept-apart (see <see cref="MatchReviewStatus"/>).</summary>
    public string Status { get; set; } = MatchReviewStatus.Open;
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
    /// <summary>The merge a "link" decision made, so it can be traced and undone.</summary>
    public Guid? MergeId { get; set; }
    /// <summary>Goes up with every change; a decision may name the version it was made on (<c>expectedVersion</c>).</summary>
    public int Version { get; set; } = 1;
}

public static class MatchReviewStatus
{
    public const string Open = "open";
    public const string Linked = "linked";
    public const string KeptApart = "kept-apart";

    public static readonly IReadOnlyList<string> All = [Open, Linked, KeptApart];
}
