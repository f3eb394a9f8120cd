namespace Safeguard.Core.Rules.Protection;

/// <summary>WT3: a strategy discussion that starts section 47 enquiries (<c>section47</c> true) makes an initial child
/// protection conference due within <c>WT3.icpcWorkingDays</c>. The <c>icpc</c> task (for children's social care, with
/// police attendance tracked) closes on a <c>meeting</c> of kind <c>icpc</c> for the child at or after the discussion.</summary>
public sealed class IcpcRule : IRule
{
    /// <inheritdoc />
    public string Name => "WT3-icpc";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "strategy-discussion" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var discussion = context.Trigger;
        if (discussion.Flag("section47") != true || !context.IsChildIn(discussion, context.PersonId)) yield break;
        int days = context.Settings.IcpcWorkingDays;
        yield return new TaskOutput(Name, context.PersonId, "icpc",
            RuleOutput.KeyFor(Name, context.PersonId, discussion.Id),
            $"The strategy discussion on {Mention.Date(discussion.OccurredAt)} started section 47 enquiries: the initial child protection conference is due within {Mention.Count(days, "working day", "working days")}.",
            [discussion.Id],
            context.Calendar.AddWorkingDays(discussion.OccurredAt, days),
            Teams.SocialCare,
            new TaskFulfilment("meeting", "kind", "icpc", discussion.OccurredAt));
    }
}
