namespace Safeguard.Core.Retention;

/// <summary>A retention review decided (P5, RT1): keep the record until a new review date, or delete it. Rows are never
/// changed; the latest decides. A deletion's row is the person's tombstone: their id, when, by whom and why, kept when
/// everything personal about them has gone.</summary>
public sealed class RetentionDecision
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    /// <summary>The retention group when decided (<see cref="RetentionGroups"/>).</summary>
    public string Group { get; set; } = "";
    /// <summary><see cref="RetentionDecisions.Keep"/> or <see cref="RetentionDecisions.Delete"/>.</summary>
    public string Decision { get; set; } = "";
    /// <summary>For a keep decision: when the record is next reviewed.</summary>
    public DateOnly? NextReviewOn { get; set; }
    public string Reason { get; set; } = "";
    public string DecidedBy { get; set; } = "";
    public string DecidedByName { get; set; } = "";
    public DateTimeOffset DecidedAt { get; set; }
}

public static class RetentionDecisions
{
    public const string Keep = "keep";
    public const string Delete = "delete";
    public static readonly IReadOnlyList<string> All = [Keep, Delete];
}

/// <summary>The three groups of RT1 (Police information and records management code, 2023; APP Management of Police
/// Information): what kind of matter a record holds decides how long it is kept before it is reviewed.</summary>
public static class RetentionGroups
{
    /// <summary>Certain public protection matters: registered sex offenders, child abduction warning notices, child
    /// protection (strategy discussions, police protection) and child sexual exploitation. Reviewed every 10 years and
    /// kept at least to the subject's 100th birthday.</summary>
    public const string PublicProtection = "public-protection";
    /// <summary>Other sexual or violent matters: domestic abuse, investigations, custody, charging. Reviewed every 10 years.</summary>
    public const string OtherSexualViolent = "other-sexual-violent";
    /// <summary>Everything else (missing episodes, referrals, notifications to schools...). Reviewed after 6 years.</summary>
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [PublicProtection, OtherSexualViolent, Other];

    public static string Describe(string group) => group switch
    {
        PublicProtection => "Public protection",
        OtherSexualViolent => "Other sexual or violent matters",
        Other => "Other matters",
        _ => group,
    };
}
