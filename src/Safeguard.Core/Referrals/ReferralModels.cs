namespace Safeguard.Core.Referrals;

/// <summary>What a list of referrals is filtered by. <paramref name="Direction"/>: <c>sent</c> (by the police to a partner),
/// <c>received</c> (from a partner), or null for both. <paramref name="State"/>: <c>open</c>, <c>overdue</c>, <c>closed</c> or
/// null for all. <paramref name="Organisation"/>: only referrals to or from that organisation.</summary>
public sealed record ReferralQuery(string? Direction = null, string? State = null, string? Organisation = null, Guid? PersonId = null,
    int Page = 1, int PageSize = 25);

/// <summary>A person in a referral, by name.</summary>
public sealed record ReferralPerson(Guid PersonId, string Name, string Role);

/// <summary>An agency's contribution to a MASH screening (J3).</summary>
public sealed record AgencyContribution(string Agency, string Information);

/// <summary>One referral as read (J2, J3, WT1, WT5): its life so far, what is due next and whether it is late.</summary>
public sealed record ReferralRow(
    string Id, IReadOnlyList<ReferralPerson> People, string Kind, string To, string ToName, string? From, string? FromName, string Direction,
    string Status, string Reason, DateTimeOffset SentAt, DateTimeOffset? ReceivedAt, DateTimeOffset? RespondedAt, string? Outcome,
    string? ResponseReason, TimeSpan? ResponseTime, DateTimeOffset? ScreenedAt, string? ScreeningDecision, string? ScreeningRationale,
    IReadOnlyList<AgencyContribution> Contributions, DateTimeOffset? ScreeningTargetAt, DateTimeOffset? ScreeningDueAt, DateTimeOffset? AssessmentDueAt,
    DateTimeOffset? AssessmentCompletedAt, DateTimeOffset? ClosedAt, string? CloseReason, bool Overdue, string? Unit)
{
    /// <summary>Closed or declined: nothing more is expected.</summary>
    public bool IsOpen => Status is not ("closed" or "declined");

    /// <summary>Screened by the MASH within WT1 of receipt.</summary>
    public bool ScreenedWithin => ScreenedAt is { } s && ScreeningTargetAt is { } t && s <= t;
}

/// <summary>Response times across the referrals listed (J2): how many were answered and how fast.</summary>
public sealed record ReferralMeasure(int Referrals, int Answered, int Unanswered, int Overdue, TimeSpan? MedianResponse, TimeSpan? LongestResponse,
    int ScreenedWithinTarget, int Screened);

public sealed record ReferralPage(IReadOnlyList<ReferralRow> Items, int Page, int PageSize, int Total, ReferralMeasure Measure);
