using Safeguard.Core.Profiles;

namespace Safeguard.Core.DomesticAbuse;

/// <summary>One DASH risk checklist for a victim (H1, DA1, DA2): the counts, the officer's judgement, the victim's own
/// view and the band the victim was put in (from the settings in force when read).</summary>
public sealed record DashView(string EventId, DateTimeOffset OccurredAt, int YesCount, int NoCount, int NotKnownCount, int Answered,
    string? ProfessionalJudgement, string? VictimRiskView, string? VictimAssessment, string Band, bool RaisedByJudgement,
    IReadOnlyDictionary<string, string> Answers);

/// <summary>A child's domestic abuse household as the child's profile shows it (H3, DA5): each domestic abuse incident
/// the child was in, what officers observed of them, and the adults of the household with their flag history.</summary>
public sealed record HouseholdIncidentView(string EventId, DateTimeOffset OccurredAt, string? Summary, string? RiskGrade,
    string? Demeanour, string? DemeanourNotObservedReason, bool? SeenAndSpokenTo, IReadOnlyList<HouseholdMemberView> Adults);

/// <summary>An adult in a child's domestic abuse household: their role in the incident and their flags, with history.</summary>
public sealed record HouseholdMemberView(Guid PersonId, string Name, string Role, IReadOnlyList<FlagView> Flags);

/// <summary>Domestic abuse on a person's profile: as a victim, their DASH checklists (newest first) and current band
/// (the latest checklist's); as a child, the households they were in (H3).</summary>
public sealed record DomesticAbuseSummary(string? Band, IReadOnlyList<DashView> Dashes, IReadOnlyList<HouseholdIncidentView> Households)
{
    public static DomesticAbuseSummary Empty { get; } = new(null, [], []);

    /// <summary>True when there is nothing to show.</summary>
    public bool IsEmpty => Dashes.Count == 0 && Households.Count == 0;
}
