namespace Safeguard.Core.Records;

/// <summary>The words of the API contract (API.md): roles, event types, classifications, grades.
/// Add freely; never rename.</summary>
public static class Vocabulary
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>
    {
        "child", "victim", "suspect", "witness", "parent", "carer", "reporting-person", "associate", "offender",
    };

    public static readonly IReadOnlySet<string> Classifications = new HashSet<string>
    {
        "domestic-abuse", "cse", "cce", "online-sexual-abuse", "sexual-abuse", "physical-abuse", "emotional-abuse",
        "neglect", "missing", "child-in-custody", "police-protection", "sex-offender-matter",
    };

    public static readonly IReadOnlySet<string> RiskGrades = new HashSet<string> { "high", "medium", "standard" };
    public static readonly IReadOnlySet<string> MissingRiskGrades = new HashSet<string> { "high", "medium", "low", "very-low" };

    public static readonly IReadOnlySet<string> RelationshipKinds = new HashSet<string>
    {
        "parent", "carer", "sibling", "household-member", "partner", "associate",
    };

    /// <summary>J3: what a MASH screening decides about a referral, least to most.</summary>
    public static readonly IReadOnlyList<string> ScreeningDecisions =
        ["no-further-action", "advice-and-information", "early-help", "assessment", "strategy-discussion"];

    public static readonly IReadOnlySet<string> EventTypes = new HashSet<string>
    {
        "incident", "ppn", "dash", "missing-reported", "missing-located", "safe-and-well-check", "return-interview",
        "cse-screening", "strategy-discussion", "meeting", "referral", "referral-response",
        "investigation-opened", "investigation-allocated", "supervisory-review", "investigation-closed",
        "forensic-request", "forensic-completed", "charging-file-submitted", "charging-decision",
        "custody-detained", "custody-review", "custody-charged", "custody-transfer-requested", "custody-transfer-outcome", "custody-released",
        "s136-detention", "police-protection", "police-protection-la-informed", "police-protection-ended",
        // Added for children in custody (L1, L3): an appropriate adult's arrival; a s136 detention extended and ended.
        "custody-appropriate-adult", "s136-extended", "s136-ended",
        "offender-registered", "offender-visit", "offender-contact-with-child", "cawn-served", "relationship",
        "operation-encompass", "outcome-recorded",
        // Referrals and the safeguarding hub (J2, J3, WT1, WT5): the rest of a referral's life.
        "referral-received", "referral-closed", "mash-screening", "assessment-completed",
        // Added by the rules: recording a trigger plan (F4) closes the trigger-plan task.
        "trigger-plan",
        // Offender management (SO1–SO4, K1–K4): the risk management plan, notifications by the offender, briefings to
        // neighbourhood teams and their acknowledgement, officers' sightings, and addresses found shared with a child.
        "offender-plan", "offender-notification", "offender-briefing", "offender-briefing-acknowledged", "offender-sighting",
        "offender-address-link",
        // I5: a strategy discussion's or meeting's action marked done.
        "meeting-action-done",
        // I8: a decision of a BCU's daily management meeting recorded against a child.
        "dmm-decision",
    };

    /// <summary>Plain-English names for event types, as shown in chronologies.</summary>
    public static string Describe(string type) => type switch
    {
        "ppn" => "Public protection notification",
        "incident" => "Incident",
        "dash" => "DASH risk assessment",
        "missing-reported" => "Reported missing",
        "missing-located" => "Found (missing episode)",
        "safe-and-well-check" => "Safe and well check",
        "return-interview" => "Return interview",
        "cse-screening" => "CSE screening",
        "strategy-discussion" => "Strategy discussion",
        "meeting-action-done" => "Meeting action done",
        "icpc" => "Initial child protection conference",
        "dmm-decision" => "Daily management meeting decision",
        "cawn-served" => "Child abduction warning notice served",
        "outcome-recorded" => "Outcome for the child recorded",
        "s136-detention" => "Mental Health Act s136 detention",
        "s136-extended" => "Mental Health Act s136 detention extended",
        "s136-ended" => "Mental Health Act s136 detention ended",
        "custody-detained" => "Booked into custody",
        "custody-appropriate-adult" => "Appropriate adult arrived in custody",
        "custody-charged" => "Charged in custody",
        "custody-transfer-requested" => "Local authority accommodation requested",
        "custody-transfer-outcome" => "Local authority accommodation: outcome",
        "custody-released" => "Released from custody",
        "operation-encompass" => "Operation Encompass notification",
        "offender-registered" => "Registered sex offender: registration",
        "offender-visit" => "Offender home visit",
        "offender-contact-with-child" => "Offender reported in contact with a child",
        "offender-plan" => "Offender risk management plan",
        "offender-notification" => "Notification by a registered sex offender",
        "offender-briefing" => "Briefing about an offender",
        "offender-briefing-acknowledged" => "Briefing acknowledged",
        "offender-sighting" => "Offender seen by an officer",
        "offender-address-link" => "Offender linked to a child's address",
        "marac-referral" => "MARAC referral",
        "repeat-marac" => "Repeat MARAC case",
        "forensic-request" => "Digital forensic request",
        "forensic-completed" => "Digital forensic examination completed",
        "charging-file-submitted" => "Charging file sent to the CPS",
        "charging-decision" => "Charging decision",
        "police-protection" => "Taken into police protection",
        "police-protection-la-informed" => "Local authority told about police protection",
        "police-protection-ended" => "Police protection ended",
        "police-protection-limit" => "Police protection time limit",
        "referral" => "Referral",
        "referral-received" => "Referral received",
        "referral-response" => "Answer to a referral",
        "referral-closed" => "Referral closed",
        "mash-screening" => "MASH screening decision",
        "assessment-completed" => "Social care assessment completed",
        "social-care-assessment" => "Social care assessment",
        _ => char.ToUpperInvariant(type[0]) + type[1..].Replace('-', ' '),
    };
}
