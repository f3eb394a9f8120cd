namespace Safeguard.Core.Rules.Offenders;

/// <summary>SO3 / K1: a registered sex offender is visited at home at the frequency their risk management plan sets
/// (<c>visitMonths</c> on the registration or an <c>offender-plan</c>), else the SO3 default for their risk level
/// (<c>SO3.visitMonthsVeryHigh</c> 1, <c>High</c> 3, <c>Medium</c> 6, <c>Low</c> 12). The registration, each plan and each
/// visit raise an <c>offender-visit</c> task for the offender management unit, due that many calendar months after the
/// last visit (or the registration, before the first visit), closed by the next <c>offender-visit</c>. When a newer plan or
/// registration comes before the next visit, it sets the due date instead, so only one visit is ever due.</summary>
public sealed class OffenderVisitRule : IRule
{
    /// <inheritdoc />
    public string Name => "SO3-offender-visit";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "offender-registered", "offender-plan", "offender-visit" };

    private static readonly IReadOnlySet<string> Scheduling = new HashSet<string> { "offender-registered", "offender-plan" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var trigger = context.Trigger;
        if (!context.SubjectIs("offender")) yield break;
        if (OffenderStanding.At(context.Chronology, context.PersonId, trigger) is not { } standing) yield break;

        var later = context.Chronology.Where(e => ChronologyEvent.Order.Compare(e, trigger) > 0 && e.HasRole(context.PersonId, "offender")).ToList();
        var nextVisit = later.FirstOrDefault(e => e.Type == "offender-visit");
        var nextSchedule = later.FirstOrDefault(e => Scheduling.Contains(e.Type));
        // A newer plan before the next visit sets the due date in this one's place.
        if (nextSchedule is not null && (nextVisit is null || ChronologyEvent.Order.Compare(nextSchedule, nextVisit) < 0)) yield break;

        var lastVisit = trigger.Type == "offender-visit" ? trigger
            : context.Chronology.LastOrDefault(e => e.Type == "offender-visit" && e.HasRole(context.PersonId, "offender")
                && ChronologyEvent.Order.Compare(e, trigger) < 0);
        var from = lastVisit ?? standing.Registration;
        int months = standing.VisitMonths(context.Settings);
        var due = context.Calendar.AddMonths(from.OccurredAt, months);
        var since = lastVisit is null
            ? $"registered on {Mention.Date(standing.Registration.OccurredAt)} and not yet visited"
            : $"last visited on {Mention.Date(lastVisit.OccurredAt)}";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.OffenderVisit,
            RuleOutput.KeyFor(Name, context.PersonId, trigger.Id),
            $"{Mention.Person(context.PersonId)} is a {standing.RiskWords} risk registered sex offender, to be visited at home {OffenderStanding.Every(months)} " +
            $"({standing.VisitFrequencySource}); {since}. The next home visit is due by {Mention.Date(due)}.",
            new[] { from.Id, trigger.Id }.Distinct().ToList(),
            due,
            Teams.OffenderManagement,
            new TaskFulfilment("offender-visit", NotBefore: trigger.OccurredAt));
    }
}
