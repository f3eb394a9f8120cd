using Safeguard.Core.Flags;

namespace Safeguard.Core.Rules;

/// <summary>Every code a rule output can carry, in one place (API.md "Output codes": add, never rename).
/// <c>docs/api.md</c> lists the same codes, and tests keep the two, and the rules, in step. Flag codes are
/// <see cref="FlagCodes"/> (REQUIREMENTS C2).</summary>
public static class OutputCodes
{
    /// <summary>Tasks: something someone must do by a due time.</summary>
    public static class Tasks
    {
        public const string StrategyDiscussion = "strategy-discussion";
        public const string SafeAndWellCheck = "safe-and-well-check";
        public const string ReturnInterview = "return-interview";
        public const string TriggerPlan = "trigger-plan";
        public const string CseScreening = "cse-screening";
        public const string MaracReferral = "marac-referral";
        public const string SocialCareReferral = "social-care-referral";
        public const string OperationEncompass = "operation-encompass";
        public const string SupervisoryReview = "supervisory-review";
        public const string Icpc = "icpc";
        public const string CustodyReview = "custody-review";
        public const string CustodyTransferRequest = "custody-transfer-request";
        public const string OffenderVisit = "offender-visit";
        public const string ForensicRequest = "forensic-request";
        public const string ChargingDecision = "charging-decision";
        public const string RecordOutcome = "record-outcome";
        public const string PoliceProtectionLimit = "police-protection-limit";
        /// <summary>PP1: tell the local authority that a child is in police protection, and record when.</summary>
        public const string PoliceProtectionLaInformed = "police-protection-la-informed";
        /// <summary>CU1: a detained child has no appropriate adult yet.</summary>
        public const string AppropriateAdult = "appropriate-adult";
        /// <summary>CU5: a Mental Health Act s136 detention reaches its time limit.</summary>
        public const string S136Limit = "s136-limit";
        /// <summary>SO1: the registered sex offender's next periodic (or weekly, with no fixed abode) notification is due.</summary>
        public const string OffenderNotification = "offender-notification";
        /// <summary>K3: a neighbourhood team acknowledges a briefing about an offender.</summary>
        public const string AcknowledgeBriefing = "acknowledge-briefing";
        /// <summary>WT4: the next child protection review conference for a child on a plan.</summary>
        public const string ReviewConference = "review-conference";
        /// <summary>WT1 / J3: the MASH records its screening decision on a referral.</summary>
        public const string MashScreening = "mash-screening";
        /// <summary>WT5: children's social care complete their assessment after a referral.</summary>
        public const string SocialCareAssessment = "social-care-assessment";

        public static IReadOnlySet<string> All { get; } = ConstantsOf(typeof(Tasks));
    }

    /// <summary>Alerts: something someone must know now.</summary>
    public static class Alerts
    {
        public const string MissingGradeReview = "missing-grade-review";
        public const string RepeatMissing = "repeat-missing";
        public const string RiskToOtherChildren = "risk-to-other-children";
        public const string OffenderContactWithChild = "offender-contact-with-child";
        public const string NonSpecialistAllocation = "non-specialist-allocation";
        public const string ChildHeldOvernight = "child-held-overnight";
        public const string RecordingGap = "recording-gap";
        /// <summary>CU3: a child is still detained without charge at the detention limit.</summary>
        public const string DetentionLimitReached = "detention-limit-reached";
        /// <summary>SO1: an offender notified the police later than the law allows.</summary>
        public const string OffenderNotificationLate = "offender-notification-late";
        /// <summary>K3: an officer saw or spoke with an offender; the offender manager should know.</summary>
        public const string OffenderSighting = "offender-sighting";
        /// <summary>DA3: a new domestic abuse incident between the same victim and perpetrator within 12 months of a MARAC referral.</summary>
        public const string RepeatMarac = "repeat-marac";
        /// <summary>An open task passed its due time (API.md "Escalation when time passes").</summary>
        public const string TaskOverdue = "task-overdue";

        public static IReadOnlySet<string> All { get; } = ConstantsOf(typeof(Alerts));
    }

    /// <summary>Flags a rule may suggest, or a person raise.</summary>
    public static IReadOnlySet<string> Flags { get; } = FlagCodes.Names.Keys.ToHashSet();

    private static HashSet<string> ConstantsOf(Type type) => type
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
}
