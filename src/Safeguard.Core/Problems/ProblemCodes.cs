namespace Safeguard.Core.Problems;

/// <summary>Every refusal code Safeguard answers with, in one place (API.md: codes are part of the contract;
/// add, never rename). <c>docs/api.md</c> lists the same codes, and a test keeps the two in step.</summary>
public static class ProblemCodes
{
    // 400: the request itself is wrong.
    public const string MalformedJson = "malformed-json";
    public const string ValidationFailed = "validation-failed";
    public const string UnknownEventType = "unknown-event-type";
    public const string BadRequest = "bad-request";
    public const string SettingOutOfRange = "setting-out-of-range";

    // 401, 403, 404, 405, 413, 415: who may ask, and what can be read.
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string BodyTooLarge = "body-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string MethodNotAllowed = "method-not-allowed";

    // 409: the request meets the record in a state that does not allow it.
    public const string Conflict = "conflict";
    public const string ConcurrentChange = "concurrent-change";
    public const string StaleVersion = "stale-version";
    public const string IllegalTransition = "illegal-transition";
    public const string BankHolidayExists = "bank-holiday-exists";
    public const string SchoolExists = "school-exists";
    public const string SchoolTermOverlaps = "school-term-overlaps";
    public const string CannotDisableSelf = "cannot-disable-self";
    public const string CannotDemoteSelf = "cannot-demote-self";
    /// <summary>I5: a meeting's action marked done that is already done.</summary>
    public const string ActionAlreadyDone = "action-already-done";

    // 422: recording standards (B1–B3).
    public const string MissingDemeanour = "missing-demeanour";
    public const string MissingChildViews = "missing-child-views";
    public const string MissingImmediateActions = "missing-immediate-actions";
    public const string MissingReferralDecision = "missing-referral-decision";
    public const string MissingRiskGrade = "missing-risk-grade";
    public const string MissingSeenAndSpokenTo = "missing-seen-and-spoken-to";
    public const string MissingOutcomeForChild = "missing-outcome-for-child";
    /// <summary>H1: a DASH risk checklist with no answers and no count.</summary>
    public const string EmptyDash = "empty-dash";
    /// <summary>H1: a DASH "yes" count above 27, or disagreeing with the answers sent with it.</summary>
    public const string DashYesCountMismatch = "dash-yes-count-mismatch";
    public const string MissingDeclineReason = "missing-decline-reason";
    /// <summary>SO2: an offender registration without a MAPPA category and level of 1, 2 or 3.</summary>
    public const string MappaInvalid = "mappa-invalid";
    /// <summary>SO3: a risk management plan's home visit frequency outside 1 to 36 months.</summary>
    public const string VisitFrequencyInvalid = "visit-frequency-invalid";
    /// <summary>WT6: a child protection plan category other than neglect, physical, emotional or sexual abuse, or a plan on a meeting that is not a conference.</summary>
    public const string PlanCategoryInvalid = "plan-category-invalid";
    /// <summary>I5, I6: a decision of a strategy discussion or meeting that is not an object with its text, owner and due date, or whose due date is not a date on or after the meeting.</summary>
    public const string MeetingDecisionInvalid = "meeting-decision-invalid";
    /// <summary>I6: a meeting the police attended without who attended or their rank.</summary>
    public const string MeetingAttendanceIncomplete = "meeting-attendance-incomplete";
    /// <summary>I2: a supervisory review without what was checked or the next actions.</summary>
    public const string SupervisoryReviewIncomplete = "supervisory-review-incomplete";

    // 422: what the law allows.
    public const string PoliceStationNotPlaceOfSafety = "police-station-not-place-of-safety";
    public const string DesignatedOfficerSameAsInitiating = "designated-officer-same-as-initiating";
    public const string CawnAgeRule = "cawn-age-rule";
    public const string CawnInvalidChildStatus = "cawn-invalid-child-status";

    // 422: times that cannot be right.
    public const string InTheFuture = "in-the-future";
    public const string BeforeBirth = "before-birth";
    public const string ImpossibleSequence = "impossible-sequence";

    // 422: the event names something that does not exist (or is not visible).
    public const string UnknownPerson = "unknown-person";
    public const string UnknownEvent = "unknown-event";
    /// <summary>An investigation event names a team the force does not have.</summary>
    public const string UnknownTeam = "unknown-team";
    /// <summary>An allocation, review or closing names an investigation that was never opened.</summary>
    public const string UnknownInvestigation = "unknown-investigation";

    // 422: allocation to the right team (I1).
    /// <summary>A sexual offence against a child or CSE allocated to a team without the skill, with no reason given.</summary>
    public const string NonSpecialistReasonRequired = "non-specialist-reason-required";
    /// <summary>A reason for a non-specialist allocation given when the team holds every skill the investigation needs.</summary>
    public const string NonSpecialistReasonNotNeeded = "non-specialist-reason-not-needed";
    /// <summary>I5: a meeting's action number that the meeting does not have.</summary>
    public const string UnknownAction = "unknown-action";

    // 429: too many requests from this client, address or username; retry after the Retry-After header.
    public const string RateLimited = "rate-limited";

    // 503: the database is briefly busy; retry after the Retry-After header.
    public const string Busy = "busy";

    /// <summary>Every code above, read once by reflection so a new constant cannot be left out.</summary>
    public static IReadOnlySet<string> All { get; } = typeof(ProblemCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
}
