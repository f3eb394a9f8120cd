namespace Safeguard.Core.Settings;

/// <summary>Every threshold and time limit the rules use, with its national default (DOMAIN-RULES.md).
/// A force changes a value by storing a <see cref="SettingValue"/>; no deployment needed (E3).</summary>
public static class SettingsCatalogue
{
    private const string WT = "Working Together to Safeguard Children 2023";
    private const string APP = "College of Policing APP, missing persons";
    private const string Pace = "PACE 1984 and Code C";

    /// <summary>All settings, in DOMAIN-RULES order.</summary>
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new("WT1.referralDecisionWorkingDays", "Decision on a referral to children's social care / MASH after receipt", SettingUnit.WorkingDays, 1, 0, 20, WT),
        new("WT2.strategyDiscussionWorkingDays", "Strategy discussion flagged overdue after", SettingUnit.WorkingDays, 1, 0, 20, WT, Local: true),
        new("WT3.icpcWorkingDays", "Initial child protection conference after the strategy discussion that started s47 enquiries", SettingUnit.WorkingDays, 15, 1, 60, WT),
        new("WT4.firstReviewConferenceMonths", "First review conference after the ICPC", SettingUnit.Months, 3, 1, 12, WT),
        new("WT4.reviewConferenceMonths", "Later review conferences at most every", SettingUnit.Months, 6, 1, 12, WT),
        new("WT5.assessmentWorkingDays", "Assessment by children's social care at most, from referral", SettingUnit.WorkingDays, 45, 1, 120, WT),
        new("PP1.policeProtectionHours", "Longest a child may be kept in police protection", SettingUnit.Hours, 72, 1, 72, "Children Act 1989 s46(6); Home Office Circular 017/2008"),
        new("PP1.localAuthorityInformedHours", "Tell the local authority that a child is in police protection within", SettingUnit.Hours, 2, 1, 24,
            "Children Act 1989 s46(3)(a): as soon as is reasonably practicable (local target)", Local: true),
        new("MI3.returnInterviewHours", "Return interview offered within, after the child is found", SettingUnit.Hours, 72, 1, 720, "DfE statutory guidance on children who run away or go missing (2014)"),
        new("MI4.safeAndWellCheckHours", "Police safe-and-well check due within, after the child is found (guidance says only 'before the episode closes')", SettingUnit.Hours, 24, 1, 720, APP, Local: true),
        new("MI5.repeatMissingEpisodes", "Missing episodes within the window that make a child repeat missing", SettingUnit.Count, 3, 2, 50, "Local protocols (no national figure)", Local: true),
        new("MI5.repeatMissingWindowDays", "Window in which repeat missing episodes are counted", SettingUnit.CalendarDays, 90, 1, 730, "Local protocols (no national figure)", Local: true),
        new("MI6.profileReviewMonths", "Missing profile (Philomena Protocol) of a looked-after child reviewed every", SettingUnit.Months, 3, 1, 24, "Philomena Protocol", Local: true),
        new("F4.triggerPlanCalendarDays", "Trigger plan written within, once a child is repeat missing", SettingUnit.CalendarDays, 7, 1, 90, "Local protocols", Local: true),
        new("F6.cseScreeningWorkingDays", "CSE screening completed within, when a child with CSE indicators goes missing", SettingUnit.WorkingDays, 5, 0, 60, "Regional CSE screening tools", Local: true),
        new("CS2.significantIndicatorCount", "CSE indicators that make a screening result significant", SettingUnit.Count, 3, 1, 11, "Regional CSE screening tools", Local: true),
        new("CS2.under13Age", "Below this age any single high-risk (★) CSE indicator is significant", SettingUnit.Years, 13, 0, 18, "Regional CSE screening tools", Local: true),
        new("CS3.ageLimit", "Child abduction warning notice: child must be under", SettingUnit.Years, 16, 1, 18, "Child Abduction Act 1984 s2"),
        new("CS3.ageLimitInCare", "Child abduction warning notice: child in care, under an EPO or in police protection must be under", SettingUnit.Years, 18, 1, 18, "Children Act 1989 s49"),
        new("CS4.sexualRiskOrderMinYears", "Shortest sexual risk order", SettingUnit.Years, 2, 2, 20, "Sexual Offences Act 2003 s122A"),
        new("DA1.highRiskYesCount", "DASH 'yes' answers that make the victim high risk (MARAC referral)", SettingUnit.Count, 14, 1, 27, "SafeLives MARAC referral criteria"),
        new("DA1.escalationIncidents", "Incidents between the same people that make the victim high risk (potential escalation)", SettingUnit.Count, 3, 2, 20, "SafeLives MARAC referral criteria"),
        new("DA1.escalationWindowMonths", "Window in which escalation incidents are counted", SettingUnit.Months, 12, 1, 36, "SafeLives MARAC referral criteria"),
        new("DA1.maracReferralWorkingDays", "A high-risk victim is referred to the MARAC within", SettingUnit.WorkingDays, 1, 0, 10, "Local MARAC operating protocol", Local: true),
        new("DA2.mediumRiskYesCount", "DASH 'yes' answers from which the victim is medium risk", SettingUnit.Count, 10, 1, 27, "Local risk bands", Local: true),
        new("DA3.repeatMaracMonths", "A new incident within this time of the last MARAC referral is a repeat MARAC case", SettingUnit.Months, 12, 1, 36, "SafeLives"),
        new("DA4.minimumSchoolAge", "Youngest child for whom the school is notified (Operation Encompass; nursery included)", SettingUnit.Years, 2, 0, 18, "Operation Encompass", Local: true),
        new("DA4.maximumSchoolAge", "Oldest child (in whole years) for whom the school or college is notified", SettingUnit.Years, 18, 5, 25, "Operation Encompass", Local: true),
        new("DA4.schoolDayStartMinutes", "When a school day starts (Operation Encompass deadline), minutes after midnight", SettingUnit.MinutesAfterMidnight, 510, 360, 660, "Domestic Abuse Act 2021 s49A", Local: true),
        new("B2.ppnWithinDays", "A PPN about a child at a domestic abuse incident counts as following it when recorded within", SettingUnit.CalendarDays, 7, 1, 60, "Local recording standard", Local: true),
        new("B3.recordOutcomeWorkingDays", "Outcome for the child recorded within, after police involvement ends", SettingUnit.WorkingDays, 5, 0, 60, "Local recording standard", Local: true),
        new("CU1.juvenileAgeLimit", "A detained person who appears to be under this age is a juvenile (appropriate adult required)", SettingUnit.Years, 18, 18, 18, Pace),
        new("CU1.appropriateAdultHours", "An appropriate adult for a detained child is secured within, of booking in, when none is there", SettingUnit.Hours, 1, 0, 6, "PACE Code C 3.15; Concordat on Children in Custody 2017", Local: true),
        new("CU2.firstReviewHours", "First detention review within, of authorised detention", SettingUnit.Hours, 6, 1, 6, "PACE s40"),
        new("CU2.reviewIntervalHours", "Later detention reviews at most every", SettingUnit.Hours, 9, 1, 9, "PACE s40"),
        new("CU3.detentionLimitHours", "Detention limit without extension", SettingUnit.Hours, 24, 1, 24, "PACE s41"),
        new("CU3.superintendentExtensionHours", "Detention limit with a superintendent's extension (indictable offences)", SettingUnit.Hours, 36, 24, 36, "PACE s42"),
        new("CU3.warrantLimitHours", "Detention limit under warrants of further detention", SettingUnit.Hours, 96, 36, 96, "PACE s43–44"),
        new("CU4.transferRequestHours", "Request for local authority accommodation for a charged child refused bail ('at once')", SettingUnit.Hours, 1, 0, 24, "PACE s38(6); Concordat on Children in Custody 2017", Local: true),
        new("CU4.overnightCheckMinutes", "When a charged child refused bail and still in a police cell counts as held overnight, minutes after midnight (London time)", SettingUnit.MinutesAfterMidnight, 120, 0, 360, "Concordat on Children in Custody 2017", Local: true),
        new("CU5.s136LimitHours", "Mental Health Act s136 detention limit", SettingUnit.Hours, 24, 1, 24, "MHA s136B"),
        new("CU5.s136ExtensionHours", "Mental Health Act s136 extension", SettingUnit.Hours, 12, 0, 12, "MHA s136B"),
        new("SO1.notificationDays", "Initial notification and notification of changes by a registered sex offender within", SettingUnit.CalendarDays, 3, 1, 14, "Sexual Offences Act 2003 s83–84"),
        new("SO1.periodicNotificationMonths", "Periodic re-notification every", SettingUnit.Months, 12, 1, 12, "Sexual Offences Act 2003 s85"),
        new("SO1.noFixedAbodeNotificationDays", "Offender with no fixed abode re-notifies every", SettingUnit.CalendarDays, 7, 1, 31, "Sexual Offences Act 2003 s85; 2012 regulations"),
        new("SO1.householdStayHours", "Stay in a household with a child under 18 that must be notified", SettingUnit.Hours, 12, 1, 72, "Sexual Offences Act 2003; 2012 regulations"),
        new("SO3.visitMonthsVeryHigh", "Home visits to a very-high-risk offender every", SettingUnit.Months, 1, 1, 24, "Pre-2017 national minimums; now per risk management plan", Local: true),
        new("SO3.visitMonthsHigh", "Home visits to a high-risk offender every", SettingUnit.Months, 3, 1, 24, "Pre-2017 national minimums; now per risk management plan", Local: true),
        new("SO3.visitMonthsMedium", "Home visits to a medium-risk offender every", SettingUnit.Months, 6, 1, 24, "Pre-2017 national minimums; now per risk management plan", Local: true),
        new("SO3.visitMonthsLow", "Home visits to a low-risk offender every", SettingUnit.Months, 12, 1, 36, "Pre-2017 national minimums; now per risk management plan", Local: true),
        new("SO4.caseloadPerManager", "Offenders per offender manager", SettingUnit.Count, 50, 1, 200, "Inspection reports", Local: true),
        new("K3.briefingAcknowledgementDays", "Neighbourhood team acknowledges a briefing about an offender within", SettingUnit.CalendarDays, 7, 1, 60, "Local practice (REQUIREMENTS K3)", Local: true),
        new("IN1.supervisoryReviewDays", "Supervisory review of a child abuse investigation every", SettingUnit.CalendarDays, 28, 1, 180, "Local policy", Local: true),
        new("IN2.forensicTargetDays", "Digital forensic examination waiting time target", SettingUnit.CalendarDays, 30, 1, 365, "Local", Local: true),
        new("IN2.forensicTargetDaysHighRisk", "Digital forensic waiting time target where a child is at high risk", SettingUnit.CalendarDays, 7, 1, 365, "Local", Local: true),
        new("IN3.chargingDecisionDays", "Charging decision waiting time target", SettingUnit.CalendarDays, 28, 1, 365, "Local", Local: true),
        // Performance targets (M1): local, drawn on the measures' charts. Add a measure's target beside its family.
        new("M1.returnInterviewTargetPercent", "Target: return interviews offered within the time limit (MI3)", SettingUnit.Percent, 90, 0, 100, "Local target", Local: true),
        new("M1.strategyDiscussionTargetPercent", "Target: strategy discussions for CSE and missing concerns held within the time limit (WT2)", SettingUnit.Percent, 90, 0, 100, "Local target", Local: true),
        new("M1.childViewsTargetPercent", "Target: records about a child with the child's views and demeanour (B1)", SettingUnit.Percent, 95, 0, 100, "Local target", Local: true),
        new("M1.outcomesRecordedTargetPercent", "Target: ended police involvement with the outcome for the child and whether they were told (B3)", SettingUnit.Percent, 95, 0, 100, "Local target", Local: true),
        new("M1.recordingDelayTargetHours", "Target: records made within this many hours of the event (B5)", SettingUnit.Hours, 24, 1, 720, "Local target", Local: true),
        new("M1.supervisoryReviewTargetPercent", "Target: supervisory reviews of investigations done on time (IN1)", SettingUnit.Percent, 90, 0, 100, "Local target", Local: true),
        new("M1.conferenceAttendanceTargetPercent", "Target: child protection conferences attended by the police (I6)", SettingUnit.Percent, 95, 0, 100, "Local target", Local: true),
        new("M1.offenderVisitTargetPercent", "Target: home visits to registered sex offenders done by their due date (SO3)", SettingUnit.Percent, 95, 0, 100, "Local target", Local: true),
        new("RT1.reviewYearsPublicProtection", "Retention review of public protection matters every", SettingUnit.Years, 10, 1, 100, "Police information and records management code (2023)", Local: true),
        new("RT1.keepToAge", "Public protection matters kept until the subject's birthday of", SettingUnit.Years, 100, 18, 120, "Police information and records management code (2023)", Local: true),
        new("RT1.reviewYearsOtherSexualViolent", "Retention review of other sexual or violent matters every", SettingUnit.Years, 10, 1, 100, "Police information and records management code (2023)", Local: true),
        new("RT1.reviewYearsOther", "Retention review of other matters after", SettingUnit.Years, 6, 1, 100, "Police information and records management code (2023)", Local: true),
    ];

    private static readonly Dictionary<string, SettingDefinition> ByKey = All.ToDictionary(s => s.Key, StringComparer.Ordinal);

    /// <summary>The definition with this key, or null.</summary>
    public static SettingDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>Null when <paramref name="value"/> may be stored for <paramref name="key"/>, else why not.</summary>
    public static string? Validate(string key, string value) =>
        Find(key) is { } definition ? definition.Validate(value) : $"There is no setting {key}.";
}
