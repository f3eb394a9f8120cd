namespace Safeguard.Core.Rules.Offenders;

/// <summary>SO1 / K1: a registered sex offender notifies the police again within <c>SO1.periodicNotificationMonths</c> (12)
/// of each notification, or every <c>SO1.noFixedAbodeNotificationDays</c> (7) while they have no fixed abode. The
/// registration (the initial notification) and each <c>offender-notification</c> raise an <c>offender-notification</c> task
/// for the offender management unit, due then, closed by the next notification; a later notification replaces it.</summary>
public sealed class OffenderNotificationRule : IRule
{
    /// <inheritdoc />
    public string Name => "SO1-offender-notification";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "offender-registered", "offender-notification" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var trigger = context.Trigger;
        if (!context.SubjectIs("offender")) yield break;
        if (OffenderStanding.At(context.Chronology, context.PersonId, trigger) is not { } standing) yield break;
        // Every notification starts the clock again: only the latest one has a notification due.
        if (context.Chronology.Any(e => ReactsTo.Contains(e.Type) && e.HasRole(context.PersonId, "offender")
                && ChronologyEvent.Order.Compare(e, trigger) > 0)) yield break;

        var due = standing.NoFixedAbode
            ? context.Calendar.AddCalendarDays(trigger.OccurredAt, context.Settings.OffenderNoFixedAbodeNotificationDays)
            : context.Calendar.AddMonths(trigger.OccurredAt, context.Settings.OffenderPeriodicNotificationMonths);
        var why = standing.NoFixedAbode
            ? $"with no fixed abode, {Mention.Person(context.PersonId)} must notify every {context.Settings.OffenderNoFixedAbodeNotificationDays} days"
            : $"{Mention.Person(context.PersonId)} must notify again within {context.Settings.OffenderPeriodicNotificationMonths} months of the last notification";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.OffenderNotification,
            RuleOutput.KeyFor(Name, context.PersonId, trigger.Id),
            $"Last notified the police on {Mention.Date(trigger.OccurredAt)}; {why}. The next notification is due by {Mention.Date(due)}.",
            [trigger.Id],
            due,
            Teams.OffenderManagement,
            new TaskFulfilment("offender-notification", NotBefore: trigger.OccurredAt));
    }
}
