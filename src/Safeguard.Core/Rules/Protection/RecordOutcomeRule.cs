namespace Safeguard.Core.Rules.Protection;

/// <summary>B3: when police involvement with a child ends — an <c>investigation-closed</c> or a
/// <c>custody-released</c> — the outcome for the child, and whether and how the child was told, must be recorded.
/// An <c>investigation-closed</c> that already carries <c>outcomeForChild</c> and <c>childInformed</c> needs nothing;
/// otherwise a <c>record-outcome</c> task is due in <c>B3.recordOutcomeWorkingDays</c>, closed by an
/// <c>outcome-recorded</c> event for the child at or after it.</summary>
public sealed class RecordOutcomeRule : IRule
{
    /// <inheritdoc />
    public string Name => "B3-record-outcome";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "investigation-closed", "custody-released" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var ended = context.Trigger;
        bool child = context.IsChildIn(ended, context.PersonId) || context.Subject.AgeAt(ended.OccurredAt) < 18;
        if (!child) yield break;
        if (!string.IsNullOrWhiteSpace(ended.Text("outcomeForChild")) && ended.Flag("childInformed") is not null) yield break;

        int days = context.Settings.RecordOutcomeWorkingDays;
        yield return new TaskOutput(Name, context.PersonId, "record-outcome",
            RuleOutput.KeyFor(Name, context.PersonId, ended.Id),
            $"Police involvement ended on {Mention.Date(ended.OccurredAt)} ({Mention.EventType(ended.Type)}) without the outcome for the child and whether they were told: record it within {Mention.Count(days, "working day", "working days")}.",
            [ended.Id],
            context.Calendar.AddWorkingDays(ended.OccurredAt, days),
            Teams.Investigation,
            new TaskFulfilment("outcome-recorded", NotBefore: ended.OccurredAt));
    }
}
