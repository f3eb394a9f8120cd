namespace Safeguard.Core.Rules.Offenders;

/// <summary>SO1: the initial notification, and a notification of a change (new address, a stay in a household with a
/// child, travel), must reach the police within <c>SO1.notificationDays</c> (3) of the requirement starting
/// (<c>requirementStartedAt</c> on the registration) or of the change (<c>changeOccurredAt</c>). A later one is an alert
/// <c>offender-notification-late</c> to the offender manager: a breach to consider.</summary>
public sealed class LateNotificationRule : IRule
{
    /// <inheritdoc />
    public string Name => "SO1-late-notification";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "offender-registered", "offender-notification" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var trigger = context.Trigger;
        if (!context.SubjectIs("offender")) yield break;
        var started = trigger.Type == "offender-registered" ? trigger.Instant("requirementStartedAt") : trigger.Instant("changeOccurredAt");
        if (started is not { } from) yield break;
        int days = context.Settings.OffenderNotificationDays;
        var limit = context.Calendar.AddCalendarDays(from, days);
        if (trigger.OccurredAt <= limit) yield break;

        var standing = OffenderStanding.At(context.Chronology, context.PersonId, trigger);
        var what = trigger.Type == "offender-registered" ? "The initial notification" : $"The notification of a change ({Kind(trigger.Text("kind"))})";
        var since = trigger.Type == "offender-registered" ? "the notification requirement started" : "the change";
        yield return new AlertOutput(Name, context.PersonId, OutputCodes.Alerts.OffenderNotificationLate,
            RuleOutput.KeyFor(Name, context.PersonId, trigger.Id),
            $"{what} by {Mention.Person(context.PersonId)} was made on {Mention.Date(trigger.OccurredAt)}, more than {days} days after {since} " +
            $"on {Mention.Date(from)} (due by {Mention.Date(limit)}): consider whether the notification requirements were breached.",
            [trigger.Id],
            Audiences.OffenderManagerOf(standing?.Manager));
    }

    private static string Kind(string? kind) => kind switch
    {
        "household-stay" => "a stay in a household with a child",
        "foreign-travel" => "foreign travel",
        "change" => "a change of details",
        null => "a change",
        _ => kind.Replace('-', ' '),
    };
}
