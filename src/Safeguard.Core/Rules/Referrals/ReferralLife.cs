namespace Safeguard.Core.Rules.Referrals;

/// <summary>One referral's life (J2, J3) read from its events: sent, received, screened by the MASH, accepted or declined
/// (with a reason), the social care assessment done, closed. The one model of a referral: the rules (WT1, WT5) and the
/// referral case read it. Pure.</summary>
public sealed record ReferralLife(
    ChronologyEvent Referral, ChronologyEvent? Received, ChronologyEvent? Screening, ChronologyEvent? Response,
    ChronologyEvent? Assessment, ChronologyEvent? Closed)
{
    /// <summary>Referral kinds that go to the MASH or children's social care, and so are screened (WT1) and assessed (WT5).</summary>
    public static readonly IReadOnlySet<string> HubKinds = new HashSet<string> { "mash", "social-care" };

    /// <summary>Screening decisions after which children's social care assesses the child (WT5).</summary>
    public static readonly IReadOnlySet<string> AssessmentDecisions = new HashSet<string> { "assessment", "strategy-discussion" };

    /// <summary>The referral's life from the events that name it in <c>referralEventId</c> (any order): the first receipt,
    /// screening, assessment and closure count; the latest response stands (a partner may change its mind).</summary>
    public static ReferralLife Of(ChronologyEvent referral, IEnumerable<ChronologyEvent> events)
    {
        var mine = events.Where(e => e.Text("referralEventId")?.Trim() == referral.Id).OrderBy(e => e, ChronologyEvent.Order).ToList();
        ChronologyEvent? First(string type) => mine.FirstOrDefault(e => e.Type == type);
        return new(referral, First("referral-received"), First("mash-screening"), mine.LastOrDefault(e => e.Type == "referral-response"),
            First("assessment-completed"), First("referral-closed"));
    }

    public string? Kind => Referral.Text("kind");
    public string? To => Referral.Text("to");
    /// <summary>The partner that referred to the police, for a referral received from a partner; null for one the police sent.</summary>
    public string? From => Referral.Text("from") is { Length: > 0 } f ? f : null;
    public DateTimeOffset SentAt => Referral.OccurredAt;

    /// <summary>When the receiving agency had it: its receipt when recorded, else when it was sent.</summary>
    public DateTimeOffset ReceivedAt => Received?.OccurredAt ?? Referral.OccurredAt;

    /// <summary>True for a referral to the MASH or children's social care.</summary>
    public bool ToHub => Kind is { } k && HubKinds.Contains(k);

    public string? Outcome => Response?.Text("outcome");
    public string? ScreeningDecision => Screening?.Text("decision");

    /// <summary>sent (<c>awaiting-response</c>), <c>received</c>, <c>screened</c>, <c>accepted</c> or <c>declined</c>, <c>closed</c>.</summary>
    public string Status =>
        Closed is not null ? "closed"
        : Outcome is { } outcome ? outcome
        : Screening is not null ? "screened"
        : Received is not null ? "received"
        : "awaiting-response";

    /// <summary>Closed, or declined: nothing more is expected of anyone.</summary>
    public DateTimeOffset? EndedAt => Closed?.OccurredAt ?? (Outcome == "declined" ? Response!.OccurredAt : null);

    /// <summary>From sending to the partner's answer (J2), when answered.</summary>
    public TimeSpan? ResponseTime => Response is null ? null : Response.OccurredAt - Referral.OccurredAt;

    /// <summary>True when children's social care assess (WT5): a referral to the hub accepted, or screened to assessment or a
    /// strategy discussion, and not declined.</summary>
    public bool NeedsAssessment => ToHub && Outcome != "declined"
        && (Outcome == "accepted" || (ScreeningDecision is { } d && AssessmentDecisions.Contains(d)));
}
