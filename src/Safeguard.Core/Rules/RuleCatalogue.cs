using Safeguard.Core.Rules.Custody;
using Safeguard.Core.Rules.DomesticAbuse;
using Safeguard.Core.Rules.Exploitation;
using Safeguard.Core.Rules.Investigations;
using Safeguard.Core.Rules.Missing;
using Safeguard.Core.Rules.Offenders;
using Safeguard.Core.Rules.Protection;
using Safeguard.Core.Rules.Queues;

namespace Safeguard.Core.Rules;

/// <summary>Every rule the engine runs. Add a new rule here (see README.md).</summary>
public static class RuleCatalogue
{
    /// <summary>All rules.</summary>
    public static IReadOnlyList<IRule> All { get; } =
    [
        new RepeatMissingRule(),
        new TriggerPlanRule(),
        new SafeAndWellCheckRule(),
        new ReturnInterviewRule(),
        new MissingGradeReviewRule(),
        new MissingWithCseIndicatorsRule(),
        new CseScreeningRule(),
        new CseClassifiedEventRule(),
        new CsePerpetratorRule(),
        new RiskToOtherChildrenRule(),
        new OperationEncompassRule(),
        new Referrals.MashScreeningRule(),
        new Referrals.SocialCareAssessmentRule(),
        new ChildObservationGapRule(),
        new MaracHighRiskRule(),
        new RepeatMaracRule(),
        new RecordOutcomeRule(),
        new NonSpecialistAllocationRule(),
        new SupervisoryReviewRule(),
        new IcpcRule(),
        new StrategyDiscussionRule(),
        new ReviewConferenceRule(),
        new PoliceProtectionLimitRule(),
        new LocalAuthorityInformedRule(),
        new ForensicWaitingTimeRule(),
        new ChargingDecisionRule(),
        new AppropriateAdultRule(),
        new DetentionReviewRule(),
        new DetentionLimitRule(),
        new TransferRequestRule(),
        new HeldOvernightRule(),
        new S136LimitRule(),
        new OffenderVisitRule(),
        new OffenderNotificationRule(),
        new LateNotificationRule(),
        new RegisteredSexOffenderRule(),
        new OffenderContactWithChildRule(),
        new OffenderSightingRule(),
        new BriefingAcknowledgementRule(),
    ];
}
