namespace Safeguard.Core.Rules.Offenders;

/// <summary>K3: a briefing about an offender goes to a neighbourhood team (<c>offender-briefing</c>, <c>team</c>), which
/// acknowledges it. The briefing raises an <c>acknowledge-briefing</c> task for that team, due
/// <c>K3.briefingAcknowledgementDays</c> (7) calendar days later, closed by an <c>offender-briefing-acknowledged</c> naming
/// the briefing (<c>briefingEventId</c>).</summary>
public sealed class BriefingAcknowledgementRule : IRule
{
    /// <inheritdoc />
    public string Name => "K3-acknowledge-briefing";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "offender-briefing" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var e = context.Trigger;
        if (!context.SubjectIs("offender") || e.Text("team") is not { Length: > 0 } team) yield break;
        int days = context.Settings.BriefingAcknowledgementDays;
        var due = context.Calendar.AddCalendarDays(e.OccurredAt, days);
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.AcknowledgeBriefing,
            RuleOutput.KeyFor(Name, context.PersonId, e.Id),
            $"A briefing about {Mention.Person(context.PersonId)} was sent to the neighbourhood team on {Mention.Date(e.OccurredAt)}: " +
            $"the team acknowledges it by {Mention.Date(due)}, and records any sighting of or contact with them.",
            [e.Id],
            due,
            team.Trim(),
            new TaskFulfilment("offender-briefing-acknowledged", "briefingEventId", e.Id));
    }
}
