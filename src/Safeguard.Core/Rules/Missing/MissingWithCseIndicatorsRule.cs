using Safeguard.Core.Rules.Exploitation;

namespace Safeguard.Core.Rules.Missing;

/// <summary>F6: a child with CSE indicators (see <see cref="CseEvidence"/>) who goes missing gets a <c>cse-risk</c>
/// flag suggestion and a <c>cse-screening</c> task due in <c>F6.cseScreeningWorkingDays</c>, unless a screening task
/// is open. The task closes on a <c>cse-screening</c> of the child made after the report.</summary>
public sealed class MissingWithCseIndicatorsRule : IRule
{
    /// <inheritdoc />
    public string Name => "F6-missing-with-cse-indicators";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-reported" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var report = context.Trigger;
        if (!context.SubjectIs("child")) yield break;
        var evidence = CseEvidence.Find(context, report.OccurredAt);
        if (evidence.Count == 0) yield break;

        var facts = Mention.List(evidence.Select(e => e.Description));
        var ids = evidence.Select(e => e.EventId).Append(report.Id).Distinct().ToList();
        yield return new FlagSuggestion(Name, context.PersonId, "cse-risk",
            RuleOutput.KeyFor(Name, context.PersonId, "flag", report.Id),
            $"Went missing on {Mention.Time(report.OccurredAt)} with signs of sexual exploitation already recorded: {facts}.", ids);

        if (context.Subject.HasOpenTask("cse-screening")) yield break;
        yield return new TaskOutput(Name, context.PersonId, "cse-screening",
            RuleOutput.KeyFor(Name, context.PersonId, "task", report.Id),
            $"Went missing on {Mention.Time(report.OccurredAt)} with signs of sexual exploitation already recorded ({facts}): a CSE screening is due.",
            ids,
            context.Calendar.AddWorkingDays(report.OccurredAt, context.Settings.CseScreeningWorkingDays),
            Teams.ChildExploitation,
            new TaskFulfilment("cse-screening", NotBefore: report.OccurredAt));
    }
}
