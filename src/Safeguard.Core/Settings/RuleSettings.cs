using System.Collections.Immutable;
using System.Globalization;

namespace Safeguard.Core.Settings;

/// <summary>An immutable snapshot of every setting: the national defaults overlaid with a force's stored
/// values. Rules read thresholds only from here (E3), so a run is reproducible from its snapshot (E4).</summary>
public sealed class RuleSettings
{
    private readonly ImmutableDictionary<string, int> _values;

    private RuleSettings(ImmutableDictionary<string, int> values, IReadOnlyList<string> ignored)
    {
        _values = values;
        Ignored = ignored;
    }

    /// <summary>The national defaults only.</summary>
    public static RuleSettings Defaults { get; } =
        new(SettingsCatalogue.All.ToImmutableDictionary(s => s.Key, s => s.Default, StringComparer.Ordinal), []);

    /// <summary>The defaults overlaid with stored values. A stored value for an unknown key or out of range
    /// is ignored (the default applies) and named in <see cref="Ignored"/>, so a bad row never stops the rules.</summary>
    public static RuleSettings From(IEnumerable<SettingValue> stored)
    {
        var values = Defaults._values.ToBuilder();
        var ignored = new List<string>();
        foreach (var row in stored.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (SettingsCatalogue.Validate(row.Key, row.Value) is { } problem) { ignored.Add(problem); continue; }
            values[row.Key] = int.Parse(row.Value, CultureInfo.InvariantCulture);
        }
        return new(values.ToImmutable(), ignored);
    }

    /// <summary>Problems with stored values that were ignored in favour of the default.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>A copy with one value changed (validated as if stored).</summary>
    public RuleSettings With(string key, int value)
    {
        if (SettingsCatalogue.Validate(key, value.ToString(CultureInfo.InvariantCulture)) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(value), problem);
        return new(_values.SetItem(key, value), Ignored);
    }

    /// <summary>The value of a setting; throws for a key not in <see cref="SettingsCatalogue"/>.</summary>
    public int Int(string key) =>
        _values.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"There is no setting {key}.");

    /// <summary>MI5: episodes within the window that make a child repeat missing.</summary>
    public int RepeatMissingEpisodes => Int("MI5.repeatMissingEpisodes");
    /// <summary>MI5: the repeat missing window, in days.</summary>
    public int RepeatMissingWindowDays => Int("MI5.repeatMissingWindowDays");
    /// <summary>MI3: hours after return within which a return interview is offered.</summary>
    public int ReturnInterviewHours => Int("MI3.returnInterviewHours");
    /// <summary>MI4: hours after return within which the safe-and-well check is due.</summary>
    public int SafeAndWellCheckHours => Int("MI4.safeAndWellCheckHours");
    /// <summary>F4: calendar days to write a trigger plan once a child is repeat missing.</summary>
    public int TriggerPlanCalendarDays => Int("F4.triggerPlanCalendarDays");
    /// <summary>F6: working days to complete a CSE screening for a missing child with CSE indicators.</summary>
    public int CseScreeningWorkingDays => Int("F6.cseScreeningWorkingDays");
    /// <summary>WT2: working days after which a strategy discussion is overdue.</summary>
    public int StrategyDiscussionWorkingDays => Int("WT2.strategyDiscussionWorkingDays");
    /// <summary>CS2: indicators that make a CSE screening significant.</summary>
    public int CseSignificantIndicatorCount => Int("CS2.significantIndicatorCount");
    /// <summary>CS2: below this age one high-risk indicator is significant.</summary>
    public int CseUnder13Age => Int("CS2.under13Age");
    /// <summary>WT3: working days from the strategy discussion to the initial child protection conference.</summary>
    public int IcpcWorkingDays => Int("WT3.icpcWorkingDays");
    /// <summary>WT4: months from the initial child protection conference to the first review conference.</summary>
    public int FirstReviewConferenceMonths => Int("WT4.firstReviewConferenceMonths");
    /// <summary>WT4: months at most between later review conferences.</summary>
    public int ReviewConferenceMonths => Int("WT4.reviewConferenceMonths");
    /// <summary>PP1: the police protection limit in hours.</summary>
    public int PoliceProtectionHours => Int("PP1.policeProtectionHours");
    /// <summary>PP1: hours within which the local authority is told a child is in police protection ("as soon as practicable").</summary>
    public int PoliceProtectionInformHours => Int("PP1.localAuthorityInformedHours");
    /// <summary>IN2: calendar days a digital forensic request may wait.</summary>
    public int ForensicTargetDays => Int("IN2.forensicTargetDays");
    /// <summary>IN2: calendar days a digital forensic request may wait where a child is at high risk.</summary>
    public int ForensicTargetDaysHighRisk => Int("IN2.forensicTargetDaysHighRisk");
    /// <summary>IN3: calendar days a charging file may wait for the CPS decision.</summary>
    public int ChargingDecisionDays => Int("IN3.chargingDecisionDays");
    /// <summary>B3: working days to record the outcome for the child.</summary>
    public int RecordOutcomeWorkingDays => Int("B3.recordOutcomeWorkingDays");

    /// <summary>B2: calendar days after a domestic abuse incident within which a PPN about a child there counts as its PPN.</summary>
    public int PpnWithinDays => Int("B2.ppnWithinDays");
    /// <summary>IN1: calendar days between supervisory reviews of a child abuse investigation.</summary>
    public int SupervisoryReviewDays => Int("IN1.supervisoryReviewDays");
    /// <summary>DA4: the London time a school day starts.</summary>
    public TimeOnly SchoolDayStart => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Int("DA4.schoolDayStartMinutes")));
    /// <summary>SO1: days within which an offender notifies a change (and the initial notification).</summary>
    public int OffenderNotificationDays => Int("SO1.notificationDays");
    /// <summary>SO1: months between periodic notifications.</summary>
    public int OffenderPeriodicNotificationMonths => Int("SO1.periodicNotificationMonths");
    /// <summary>SO1: days between notifications for an offender with no fixed abode.</summary>
    public int OffenderNoFixedAbodeNotificationDays => Int("SO1.noFixedAbodeNotificationDays");
    /// <summary>SO3: months between home visits by default, per risk level (very-high, high, medium, low).</summary>
    public int OffenderVisitMonths(string riskLevel) => riskLevel switch
    {
        "very-high" => Int("SO3.visitMonthsVeryHigh"),
        "high" => Int("SO3.visitMonthsHigh"),
        "medium" => Int("SO3.visitMonthsMedium"),
        _ => Int("SO3.visitMonthsLow"),
    };
    /// <summary>SO4: offenders per offender manager.</summary>
    public int CaseloadPerManager => Int("SO4.caseloadPerManager");
    /// <summary>K3: calendar days for a neighbourhood team to acknowledge a briefing.</summary>
    public int BriefingAcknowledgementDays => Int("K3.briefingAcknowledgementDays");
    /// <summary>CS3: a child abduction warning notice child must be under this age...</summary>
    public int CawnAgeLimit => Int("CS3.ageLimit");
    /// <summary>CS3: ...or under this age if in care, under an EPO or in police protection.</summary>
    public int CawnAgeLimitInCare => Int("CS3.ageLimitInCare");
    /// <summary>CU1: a detained person who appears to be under this age is a child.</summary>
    public int JuvenileAgeLimit => Int("CU1.juvenileAgeLimit");
    /// <summary>CU1: hours from booking in to secure an appropriate adult.</summary>
    public int AppropriateAdultHours => Int("CU1.appropriateAdultHours");
    /// <summary>CU2: hours from authorised detention to the first review.</summary>
    public int FirstReviewHours => Int("CU2.firstReviewHours");
    /// <summary>CU2: hours at most between later reviews.</summary>
    public int ReviewIntervalHours => Int("CU2.reviewIntervalHours");
    /// <summary>CU3: the detention limit without an extension, in hours.</summary>
    public int DetentionLimitHours => Int("CU3.detentionLimitHours");
    /// <summary>CU3: the furthest a superintendent may extend detention, in hours from its start.</summary>
    public int SuperintendentExtensionHours => Int("CU3.superintendentExtensionHours");
    /// <summary>CU3: the furthest warrants of further detention may extend it, in hours from its start.</summary>
    public int WarrantLimitHours => Int("CU3.warrantLimitHours");
    /// <summary>CU4: hours after charge to request local authority accommodation ("at once").</summary>
    public int TransferRequestHours => Int("CU4.transferRequestHours");
    /// <summary>CU4: the London time at which a charged child still in a cell is held overnight.</summary>
    public TimeOnly OvernightCheck => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Int("CU4.overnightCheckMinutes")));
    /// <summary>CU5: the s136 detention limit, in hours.</summary>
    public int S136LimitHours => Int("CU5.s136LimitHours");
    /// <summary>CU5: the s136 extension, in hours.</summary>
    public int S136ExtensionHours => Int("CU5.s136ExtensionHours");
}
