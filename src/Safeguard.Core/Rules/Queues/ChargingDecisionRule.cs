namespace Safeguard.Core.Rules.Queues;

/// <summary>I4 / IN3: a charging file about a child sent to the CPS should have its decision within
/// <c>IN3.chargingDecisionDays</c> (28) calendar days. Raises a <c>charging-decision</c> task for the investigating
/// officer, due then, closed by a <c>charging-decision</c> with the same <c>fileId</c>; once due and still open it
/// escalates (<c>task-overdue</c>). The explanation says when the file is high priority (<see cref="QueuePriority.Assess"/>),
/// which orders the queue; the target is the same.</summary>
public sealed class ChargingDecisionRule : IRule
{
    /// <inheritdoc />
    public string Name => "IN3-charging-decision";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "charging-file-submitted" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var file = context.Trigger;
        if (file.Text("fileId")?.Trim() is not { Length: > 0 } fileId) yield break;
        if (!QueuePriority.ChildrenIn(file).Contains(context.PersonId) || !context.IsChildIn(file, context.PersonId)) yield break;

        var priority = QueuePriority.Assess(file, context.PersonId, context.Chronology, context.Subject.Flags);
        int days = context.Settings.ChargingDecisionDays;
        var why = priority.High ? $" High priority because {Mention.List(priority.Reasons)}." : "";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.ChargingDecision,
            RuleOutput.KeyFor(Name, context.PersonId, fileId),
            $"Charging file {fileId} sent to the Crown Prosecution Service on {Mention.Date(file.OccurredAt)}: the charging decision is due within {days} days.{why}",
            priority.EventIds.Append(file.Id).Distinct().ToList(),
            context.Calendar.AddCalendarDays(file.OccurredAt, days),
            Teams.Investigation,
            new TaskFulfilment("charging-decision", "fileId", fileId));
    }
}
