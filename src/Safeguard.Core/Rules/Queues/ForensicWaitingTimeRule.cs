namespace Safeguard.Core.Rules.Queues;

/// <summary>I3 / IN2: a digital forensic request about a child waits at most <c>IN2.forensicTargetDays</c> (30) calendar
/// days, or <c>IN2.forensicTargetDaysHighRisk</c> (7) when the child is at high risk (<see cref="QueuePriority.Assess"/>).
/// Raises a <c>forensic-request</c> task for the digital forensic unit, due at the target, closed by a
/// <c>forensic-completed</c> with the same <c>requestId</c>; once due and still open it escalates (<c>task-overdue</c>).</summary>
public sealed class ForensicWaitingTimeRule : IRule
{
    /// <inheritdoc />
    public string Name => "IN2-forensic-waiting-time";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "forensic-request" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var request = context.Trigger;
        if (request.Text("requestId")?.Trim() is not { Length: > 0 } requestId) yield break;
        if (!QueuePriority.ChildrenIn(request).Contains(context.PersonId) || !context.IsChildIn(request, context.PersonId)) yield break;

        var priority = QueuePriority.Assess(request, context.PersonId, context.Chronology, context.Subject.Flags);
        int days = priority.High ? context.Settings.ForensicTargetDaysHighRisk : context.Settings.ForensicTargetDays;
        var why = priority.High ? $"high priority because {Mention.List(priority.Reasons)}" : "standard priority";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.ForensicRequest,
            RuleOutput.KeyFor(Name, context.PersonId, requestId),
            $"{Device(request)} sent for digital forensic examination on {Mention.Date(request.OccurredAt)} (request {requestId}), {why}: " +
            $"the examination is due within {days} days.",
            priority.EventIds.Append(request.Id).Distinct().ToList(),
            context.Calendar.AddCalendarDays(request.OccurredAt, days),
            Teams.DigitalForensics,
            new TaskFulfilment("forensic-completed", "requestId", requestId));
    }

    private static string Device(ChronologyEvent request) =>
        request.Text("device")?.Trim() is { Length: > 0 } device ? char.ToUpperInvariant(device[0]) + device[1..] : "A device";
}
