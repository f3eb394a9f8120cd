using Safeguard.Core.Records;
using static Safeguard.Core.Recording.Field;
using static Safeguard.Core.Recording.FieldKind;

namespace Safeguard.Core.Recording;

/// <summary>The shape of each event type's <c>data</c> (API.md). Shape errors answer 400; the recording
/// standards (B1, B2) and the law are checked afterwards by <see cref="RecordingStandards"/> and answer 422,
/// so fields they govern are optional here.</summary>
public static class EventSchemas
{
    private static readonly FieldKind Classifications = ListOf(Vocabulary.Classifications);
    private static readonly FieldKind Grade = OneOf("high", "medium", "standard");
    private static readonly FieldKind Decisions = ListOf(Any);
    private static readonly FieldKind RiskLevel = OneOf("very-high", "high", "medium", "low");
    private static readonly FieldKind DashAnswers = new DashAnswersKind();
    private static readonly FieldKind Address = Object(Req("line1", Text), Opt("town", Text), Req("postcode", Text));

    private static readonly FieldKind IncidentChild = Object(
        Req("personId", Text), Opt("demeanour", LongText), Opt("demeanourNotObservedReason", Text), Opt("seenAndSpokenTo", Bool),
        Opt("school", Text));

    public static readonly IReadOnlyDictionary<string, Field[]> ByType = new Dictionary<string, Field[]>
    {
        ["incident"] = [Req("classifications", Classifications), Opt("summary", LongText), Opt("riskGrade", Grade), Opt("children", ListOf(IncidentChild))],
        ["ppn"] =
        [
            Req("concerns", Classifications), Opt("demeanour", LongText), Opt("demeanourNotObservedReason", Text), Opt("childViews", LongText),
            Opt("childViewsNotObtainedReason", Text), Opt("immediateActions", LongText), Opt("referredToSocialCare", Bool),
            Opt("notReferredReason", Text), Opt("riskGrade", Grade), Opt("incidentEventId", Text),
        ],
        ["dash"] =
        [
            Opt("answers", DashAnswers), Opt("yesCount", Int), Opt("professionalJudgement", OneOf("high", "medium", "standard")),
            Opt("victimRiskView", OneOf("high", "medium", "standard", "not-given")), Opt("victimAssessment", LongText), Opt("incidentEventId", Text),
        ],
        ["missing-reported"] =
        [
            Req("riskGrade", OneOf("high", "medium", "low", "very-low")), Req("reportedBy", OneOf("parent", "foster-carer", "childrens-home", "school", "other")),
            Req("lookedAfter", Bool), Req("lastSeenAt", Instant), Opt("lastSeenLocation", Text), Opt("circumstances", LongText),
        ],
        ["missing-located"] = [Req("missingEventId", Text), Req("locatedAt", Instant), Opt("foundLocation", Text), Opt("foundWith", TextList)],
        ["safe-and-well-check"] = [Req("missingEventId", Text), Opt("disclosures", Any), Opt("officer", Text), Opt("narrative", LongText)],
        ["return-interview"] = [Req("missingEventId", Text), Req("offeredAt", Instant), Opt("heldAt", Instant), Opt("declined", Bool), Req("byAgency", Text), Opt("disclosures", Any)],
        ["cse-screening"] = [Req("indicators", TextList), Opt("notes", LongText)],
        ["strategy-discussion"] = [Req("agencies", TextList), Req("section47", Bool), Opt("decisions", Decisions)],
        ["meeting"] =
        [
            Req("kind", OneOf("icpc", "review-cp", "marac", "mappa", "cse-risk")), Opt("invitedAgencies", TextList), Req("policeAttended", Bool),
            Opt("policeAttendeeRank", Text), Opt("decisions", Decisions), Opt("planCategory", Text), Opt("socialWorker", Text),
            // I6: who attended for the police (name or collar number), and which invited agencies came.
            Opt("policeAttendee", Text), Opt("attendedAgencies", TextList),
        ],
        // I5: a strategy discussion's or meeting's decision (an owned action) marked done; `number` is its place in `decisions`.
        ["meeting-action-done"] = [Req("meetingEventId", Text), Req("number", Int), Opt("note", LongText)],
        // J2: a referral to a partner (or, with from, from a partner to the police), received, accepted or declined with a reason, closed.
        ["referral"] = [Req("to", Text), Req("kind", OneOf("social-care", "mash", "marac", "health", "education")), Req("reason", LongText), Opt("from", Text)],
        ["referral-response"] = [Req("referralEventId", Text), Req("outcome", OneOf("accepted", "declined")), Opt("reason", LongText), Opt("socialWorker", Text)],
        ["referral-received"] = [Req("referralEventId", Text), Opt("receivedBy", Text)],
        ["referral-closed"] = [Req("referralEventId", Text), Opt("reason", LongText)],
        // J3 / WT1: the MASH screening decision on a referral, with each agency's contribution.
        ["mash-screening"] =
        [
            Req("referralEventId", Text), Req("decision", OneOf([.. Vocabulary.ScreeningDecisions])), Opt("rationale", LongText),
            Opt("contributions", ListOf(Object(Req("agency", Text), Req("information", LongText)))),
        ],
        // WT5: children's social care's assessment after a referral, done.
        ["assessment-completed"] = [Req("referralEventId", Text), Opt("outcome", LongText)],
        ["investigation-opened"] = [Req("investigationId", Text), Opt("offenceTypes", TextList), Opt("team", Text)],
        ["investigation-allocated"] = [Req("investigationId", Text), Req("team", Text), Opt("nonSpecialistReason", Text)],
        ["supervisory-review"] = [Req("investigationId", Text), Opt("checked", Any), Opt("nextActions", TextList)],
        ["investigation-closed"] = [Req("investigationId", Text), Opt("outcomeForChild", LongText), Opt("childInformed", Bool), Opt("howInformed", Text)],
        ["forensic-request"] =
        [
            Req("requestId", Text), Req("device", Text), Opt("priority", Text), Opt("investigationId", Text), Opt("examination", LongText),
        ],
        ["forensic-completed"] = [Req("requestId", Text), Opt("device", Text), Opt("findings", LongText)],
        ["charging-file-submitted"] = [Req("fileId", Text), Opt("investigationId", Text), Opt("offence", Text), Opt("notes", LongText)],
        ["charging-decision"] = [Req("fileId", Text), Opt("decision", Text), Opt("notes", LongText)],
        ["custody-detained"] = [Req("custodyId", Text), Opt("appropriateAdult", Text), Opt("appearsUnder18", Bool), Opt("offence", Text), Opt("station", Text), Opt("socialWorker", Text)],
        ["custody-review"] = [Req("custodyId", Text), Opt("reviewedBy", Text), Opt("extension", OneOf("superintendent", "warrant")), Opt("extendedToHours", Int), Opt("notes", LongText)],
        ["custody-appropriate-adult"] = [Req("custodyId", Text), Req("appropriateAdult", Text)],
        ["custody-charged"] = [Req("custodyId", Text), Req("bailRefused", Bool)],
        ["custody-transfer-requested"] = [Req("custodyId", Text), Req("accommodation", OneOf("secure", "non-secure")), Opt("localAuthority", Text)],
        ["custody-transfer-outcome"] = [Req("custodyId", Text), Req("outcome", OneOf("transferred", "refused", "impracticable-certified")), Opt("reason", LongText)],
        ["custody-released"] = [Req("custodyId", Text)],
        ["s136-detention"] = [Req("placeOfSafety", OneOf("hospital", "health-based-place-of-safety", "police-station", "other")), Opt("appearsUnder18", Bool)],
        ["s136-extended"] = [Req("s136EventId", Text), Opt("authorisedBy", Text)],
        ["s136-ended"] = [Req("s136EventId", Text), Opt("outcome", LongText)],
        ["police-protection"] =
        [
            Req("initiatingOfficer", Text), Req("designatedOfficer", Text), Opt("localAuthorityInformedAt", Instant), Opt("localAuthority", Text),
            Opt("circumstances", LongText), Opt("accommodation", Text),
        ],
        ["police-protection-la-informed"] = [Req("localAuthorityInformedAt", Instant), Opt("localAuthority", Text), Opt("informedPerson", Text)],
        ["police-protection-ended"] =
        [
            Opt("initiatingOfficer", Text), Opt("designatedOfficer", Text), Opt("localAuthorityInformedAt", Instant), Opt("outcome", Text), Opt("reason", LongText),
        ],
        // SO2: MAPPA category and level are checked (1 to 3) by OffenderChecks, which answers 422 mappa-invalid.
        ["offender-registered"] =
        [
            Req("riskLevel", RiskLevel), Opt("mappaCategory", Any), Opt("mappaLevel", Any), Opt("offenderManager", Text),
            Opt("requirementStartedAt", Instant), Opt("notificationPeriod", Text), Opt("noFixedAbode", Bool), Opt("visitMonths", Int),
            Opt("address", Address), Opt("notes", LongText),
        ],
        ["offender-visit"] = [Opt("notes", LongText)],
        ["offender-contact-with-child"] = [Opt("notes", LongText)],
        ["offender-plan"] =
        [
            Opt("riskLevel", RiskLevel), Opt("visitMonths", Int), Opt("offenderManager", Text), Opt("mappaLevel", Any), Opt("summary", LongText),
            Opt("reviewDate", Date),
        ],
        ["offender-notification"] =
        [
            Req("kind", OneOf("initial", "change", "periodic", "weekly", "household-stay", "foreign-travel")), Opt("changeOccurredAt", Instant),
            Opt("address", Address), Opt("noFixedAbode", Bool), Opt("notes", LongText),
        ],
        ["offender-briefing"] = [Req("team", Text), Req("summary", LongText)],
        ["offender-briefing-acknowledged"] = [Req("briefingEventId", Text), Opt("notes", LongText)],
        ["offender-sighting"] = [Req("kind", OneOf("sighting", "contact")), Opt("location", Text), Opt("notes", LongText)],
        ["offender-address-link"] = [Req("address", Text), Req("postcode", Text), Opt("source", Text)],
        ["cawn-served"] = [Opt("childStatus", OneOf("none", "in-care", "emergency-protection-order", "police-protection")), Opt("notes", LongText)],
        ["relationship"] = [Req("kind", OneOf([.. Vocabulary.RelationshipKinds])), Opt("start", Date), Opt("end", Date)],
        // DA4 / H2: the school's code (Schools), the key adult told, how, and the incident it is about.
        ["operation-encompass"] = [Req("school", Text), Req("notifiedAt", Instant), Opt("keyAdult", Text), Opt("method", Text), Opt("incidentEventId", Text)],
        // F4, MI6: the Philomena-style profile of a child who goes missing; each version is a new event.
        ["trigger-plan"] =
        [
            Opt("description", LongText), Opt("photoReference", Text), Opt("phones", TextList), Opt("socialMedia", TextList), Opt("medical", LongText),
            Opt("associates", TextList), Opt("places", TextList), Opt("reviewDate", Date), Opt("notes", LongText),
        ],
        // I8: a decision of a BCU's daily management meeting about a child, as an owned action (a meeting case's action).
        ["dmm-decision"] = [Req("decisions", ListOf(Object(Req("text", LongText), Req("owner", Text), Opt("dueDate", Date))))],
        ["outcome-recorded"] = [Req("outcomeForChild", LongText), Req("childInformed", Bool), Opt("howInformed", Text)],
    };
}
