using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Custody;
using Safeguard.Core.Rules.Offenders;
using Safeguard.Core.Rules.Queues;
using Safeguard.Core.Rules.Referrals;

namespace Safeguard.Core.Measures.Families;

/// <summary>Justice (M1): charging decisions (I4, IN3), digital forensic waiting (I3, IN2), offender visits (SO3), children
/// held overnight after charge (CU4) and re-referrals to children's social care within 12 months.</summary>
public static class JusticeMeasures
{
    public const string ChargingDecisionTime = "charging-decision-time";
    public const string ForensicWaitingTime = "forensic-waiting-time";
    public const string OffenderVisitsOnTime = "offender-visits-on-time";
    public const string HeldOvernight = "children-held-overnight-after-charge";
    public const string ReReferrals = "re-referrals-12-months";

    /// <summary>How far back an earlier referral makes a referral a re-referral (M1: "within 12 months").</summary>
    public const int ReReferralMonths = 12;

    /// <summary>A child's referrals to the MASH or children's social care (person-keyed, so each referral sees the child's
    /// earlier ones).</summary>
    public const string ReferralChildStream = "measure-referral-child";

    public static readonly MeasureFamily Family = new("Justice",
    [
        new(ChargingDecisionTime, "Time to charging decision", "M1", MeasureKind.Duration,
            "Charging files decided within the target (the setting IN3, 28 days by default)",
            "Charging files sent to the Crown Prosecution Service and decided in the month: the average days from submission to decision",
            "A file falls in the month its decision was recorded; files still awaiting a decision are not counted here (they are on "
            + "the charging queue, overdue ones listed). Days are calendar days on the London clock. A file about several children "
            + "counts once for each child.",
            ValueUnit: MeasureUnit.Days, TargetSetting: "IN3.chargingDecisionDays"),
        new(ForensicWaitingTime, "Digital forensic waiting time", "M1", MeasureKind.Duration,
            "Digital forensic requests completed within their own target: IN2's high-risk target (7 days by default) for a request "
            + "marked high priority, otherwise IN2's target (30 days)",
            "Digital forensic requests completed in the month: the average days from request to result",
            "A request falls in the month its examination was completed; requests still waiting are not counted here (they are on the "
            + "forensic queue, overdue ones listed). A request is held to the high-risk target when it was made with priority high; "
            + "the queue may also rank a request high from the child's flags or risk grade, which this measure does not see. "
            + "A request about several children counts once for each child.",
            ValueUnit: MeasureUnit.Days, TargetSetting: "IN2.forensicTargetDays", HighPriorityTargetSetting: "IN2.forensicTargetDaysHighRisk"),
        new(OffenderVisitsOnTime, "Offender home visits on time", "M1", MeasureKind.Rate,
            "Home visits to registered sex offenders done by their due date",
            "Home visits that fell due in the month: done on time, done late, or overdue (not done); those not on time are the overdue visits",
            "A visit is due at the interval in the offender's risk management plan, else the SO3 default for their risk level "
            + "(very high monthly, high every 3 months, medium every 6, low yearly), counted from the last visit or the registration, "
            + "as the offender visit task is. It falls in the month of its due date and is counted once that date has passed (or once "
            + "done). A newer plan before the next visit replaces the due date. The SO3 intervals are those in force when the "
            + "offender's record last changed.",
            TargetSetting: "M1.offenderVisitTargetPercent"),
        new(HeldOvernight, "Children held overnight after charge", "M1", MeasureKind.Count,
            "Children still in a police cell at the night check after being charged and refused bail",
            "Children charged and refused bail",
            "Each detention of a child (detained as a child, or recorded as appearing under 18) charged and refused bail counts once, in "
            + "the month of the night check after the charge (CU4: 02:00 London time by default), and only once that check has passed: "
            + "a child charged on the last evening of a month falls in the next month. Held overnight means not released and not "
            + "transferred to local authority accommodation by the check, as the child-held-overnight alert says. Lower is better.",
            HigherIsBetter: false),
        new(ReReferrals, "Re-referrals to children's social care within 12 months", "M1", MeasureKind.Rate,
            "Referrals about a child who had an earlier referral within the 12 months before",
            "Referrals to the MASH or children's social care, made by the police or received from a partner, one per child named in them",
            "A referral falls in the month it was made. Only referrals of kind MASH or social care count, and only children named "
            + "in the role child. An earlier referral counts if it was made in the 12 calendar months before. Lower is better.",
            HigherIsBetter: false),
    ], Facts, Streams, new Dictionary<string, IReadOnlySet<string>> { [ReferralChildStream] = new HashSet<string> { "referral" } });

    /// <summary>The child streams a referral to the MASH or children's social care is in: one per child.</summary>
    private static IEnumerable<string> Streams(ChronologyEvent e) =>
        IsHubReferral(e) ? e.PeopleInRole("child").Distinct().Select(c => CaseStreams.Key(ReferralChildStream, c.ToString())) : [];

    private static bool IsHubReferral(ChronologyEvent e) => e.Type == "referral" && e.Text("kind") is { } kind && ReferralLife.HubKinds.Contains(kind);

    private static IEnumerable<FactDraft> Facts(MeasureStreamInput input) =>
        Charging(input).Concat(Forensic(input)).Concat(OffenderVisits(input)).Concat(Custody(input)).Concat(Referrals(input));

    private static IEnumerable<FactDraft> Charging(MeasureStreamInput input)
    {
        foreach (var c in input.Cases.Where(c => c.Type == CaseTypes.ChargingFile))
        {
            if (c.Fields.GetValueOrDefault("decidedAt") is not DateTimeOffset decided) continue;
            var file = input.Events.First(s => s.Event.Type == "charging-file-submitted").Event;
            var days = Days.Between(file.OccurredAt, decided);
            foreach (var child in Days.ChildrenOrNone(file))
                yield return new FactDraft(ChargingDecisionTime, c.Type, c.Id, child, c.Team, decided, Value: days);
        }
    }

    private static IEnumerable<FactDraft> Forensic(MeasureStreamInput input)
    {
        foreach (var c in input.Cases.Where(c => c.Type == CaseTypes.ForensicRequest))
        {
            if (c.Fields.GetValueOrDefault("completedAt") is not DateTimeOffset completed) continue;
            var request = input.Events.First(s => s.Event.Type == "forensic-request").Event;
            bool high = string.Equals(request.Text("priority")?.Trim(), QueuePriority.HighCode, StringComparison.OrdinalIgnoreCase);
            var days = Days.Between(request.OccurredAt, completed);
            foreach (var child in Days.ChildrenOrNone(request))
                yield return new FactDraft(ForensicWaitingTime, c.Type, c.Id, child, c.Team, completed, Met: high, Value: days);
        }
    }

    /// <summary>Each home visit due, as the SO3 offender visit rule raises its task: from the registration, each plan and each
    /// visit, unless a newer plan or registration comes before the next visit.</summary>
    private static IEnumerable<FactDraft> OffenderVisits(MeasureStreamInput input)
    {
        var c = input.Cases.FirstOrDefault(c => c.Type == CaseTypes.Offender);
        if (c is null) yield break;
        var offender = Guid.Parse(CaseStreams.Parse(input.Stream).Key);
        var chronology = input.Events.Select(s => s.Event).Where(e => e.HasRole(offender, "offender")).ToList();
        foreach (var trigger in chronology.Where(e => e.Type is "offender-registered" or "offender-plan" or "offender-visit"))
        {
            if (OffenderStanding.At(chronology, offender, trigger) is not { } standing) continue;
            var later = chronology.Where(e => ChronologyEvent.Order.Compare(e, trigger) > 0).ToList();
            var nextVisit = later.FirstOrDefault(e => e.Type == "offender-visit");
            var nextSchedule = later.FirstOrDefault(e => e.Type is "offender-registered" or "offender-plan");
            if (nextSchedule is not null && (nextVisit is null || ChronologyEvent.Order.Compare(nextSchedule, nextVisit) < 0)) continue;
            var lastVisit = trigger.Type == "offender-visit" ? trigger
                : chronology.LastOrDefault(e => e.Type == "offender-visit" && ChronologyEvent.Order.Compare(e, trigger) < 0);
            var from = lastVisit ?? standing.Registration;
            var due = SafeguardCalendar.Default.AddMonths(from.OccurredAt, standing.VisitMonths(input.Settings));
            double? days = nextVisit is null ? null : Days.Between(from.OccurredAt, nextVisit.OccurredAt);
            yield return new FactDraft(OffenderVisitsOnTime, c.Type, c.Id, offender, c.Team, due, Met: nextVisit is not null && nextVisit.OccurredAt <= due,
                Value: days);
        }
    }

    /// <summary>CU4: each child charged and refused bail, and whether they were still in the cell at the night check after.</summary>
    private static IEnumerable<FactDraft> Custody(MeasureStreamInput input)
    {
        var c = input.Cases.FirstOrDefault(c => c.Type == CaseTypes.Custody);
        if (c is null) yield break;
        var events = input.Events.Select(s => s.Event).ToList();
        var detainedEvent = events.FirstOrDefault(e => e.Type == "custody-detained");
        if (detainedEvent is null) yield break;
        var people = detainedEvent.People.Where(p => CustodyDetention.DetainedRoles.Contains(p.Role)).Select(p => p.PersonId).Distinct();
        foreach (var person in people)
        {
            var detention = CustodyDetention.All(events, person).FirstOrDefault(d => d.CustodyId == CaseStreams.Parse(input.Stream).Key);
            if (detention?.Charged is not { } charged || !detention.BailRefused) continue;
            if (!detention.Detained.HasRole(person, "child") && detention.Detained.Flag("appearsUnder18") != true) continue;
            var check = CustodyDetention.NextNightCheck(charged.OccurredAt, input.Settings.OvernightCheck);
            yield return new FactDraft(HeldOvernight, c.Type, c.Id, person, c.Team, check, Met: detention.InCustodyAt(check));
        }
    }

    /// <summary>A child's referrals to the hub, each a re-referral when another was made in the 12 months before it.</summary>
    private static IEnumerable<FactDraft> Referrals(MeasureStreamInput input)
    {
        var (type, key) = CaseStreams.Parse(input.Stream);
        if (type != ReferralChildStream || !Guid.TryParse(key, out var child)) yield break;
        var referrals = input.Events.Where(s => IsHubReferral(s.Event) && s.Event.HasRole(child, "child")).ToList();
        foreach (var r in referrals)
        {
            var since = SafeguardCalendar.Default.AddMonths(r.Event.OccurredAt, -ReReferralMonths);
            bool again = referrals.Any(o => ChronologyEvent.Order.Compare(o.Event, r.Event) < 0 && o.Event.OccurredAt >= since);
            yield return new FactDraft(ReReferrals, CaseTypes.Referral, r.Event.Id, child, r.Unit, r.Event.OccurredAt, Met: again);
        }
    }
}
