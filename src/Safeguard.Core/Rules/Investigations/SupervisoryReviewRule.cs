namespace Safeguard.Core.Rules.Investigations;

/// <summary>IN1 / I2: an open child abuse investigation has a supervisory review every <c>IN1.supervisoryReviewDays</c>
/// calendar days (28), counted from its opening and then from each review. The opening and each <c>supervisory-review</c>
/// raise a <c>supervisory-review</c> task for the investigation's supervisor, due that many days later and closed by the
/// next review of the same investigation; a review recorded late resets the clock from when it was done. The task of a
/// review or opening followed by the closing of the investigation (before the next review) is no longer needed. Raised for
/// each child victim. The task's due time is a durable timer of its own: when it passes with no review, the task is
/// overdue and a <c>task-overdue</c> alert goes to supervisors, so no further wake-up is needed.</summary>
public sealed class SupervisoryReviewRule : IRule
{
    /// <inheritdoc />
    public string Name => "IN1-supervisory-review";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "investigation-opened", "supervisory-review" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var trigger = context.Trigger;
        if (!context.IsChildIn(trigger, context.PersonId) || InvestigationEvents.IdOf(trigger) is not { } id) yield break;
        var events = InvestigationEvents.Of(context.Chronology, id);
        // Only the first opening counts; a repeated opening starts nothing new.
        if (trigger.Type == "investigation-opened" && InvestigationEvents.Opening(events)?.Id != trigger.Id) yield break;
        var next = events.FirstOrDefault(e => e.Type is "supervisory-review" or "investigation-closed" && ChronologyEvent.Order.Compare(e, trigger) > 0);
        if (next?.Type == "investigation-closed") yield break;

        int days = context.Settings.SupervisoryReviewDays;
        var due = context.Calendar.AddCalendarDays(trigger.OccurredAt, days);
        string since = trigger.Type == "investigation-opened"
            ? $"opened on {Mention.Date(trigger.OccurredAt)} and not yet reviewed"
            : $"last reviewed by a supervisor on {Mention.Date(trigger.OccurredAt)}";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.SupervisoryReview,
            RuleOutput.KeyFor(Name, context.PersonId, id, trigger.Id),
            $"The investigation into offences against {Mention.Person(context.PersonId)} was {since}: a supervisory review is due every " +
            $"{Mention.Count(days, "day", "days")}, by {Mention.Date(due)}. Record what was checked and the next actions.",
            [trigger.Id], due, Teams.Investigation,
            new TaskFulfilment("supervisory-review", "investigationId", id, trigger.OccurredAt));
    }
}
