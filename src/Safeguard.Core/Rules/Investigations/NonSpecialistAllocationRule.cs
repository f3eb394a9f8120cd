namespace Safeguard.Core.Rules.Investigations;

/// <summary>I1: an investigation of a sexual offence against a child, or of child sexual exploitation, allocated to a team
/// without the skill it needs. The allocation check refuses such an <c>investigation-allocated</c> unless it carries a
/// <c>nonSpecialistReason</c>, and refuses the reason when the team holds every required skill, so the reason is the
/// recorded fact that the allocation was non-specialist (the team's skills may change later; the decision stands as made).
/// Each child victim gets a <c>non-specialist-allocation</c> alert for the supervisor of the team it was allocated to (the
/// unit's supervisor, whose workbench shows it), naming what the investigation needs.</summary>
public sealed class NonSpecialistAllocationRule : IRule
{
    /// <inheritdoc />
    public string Name => "I1-non-specialist-allocation";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "investigation-allocated" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var allocated = context.Trigger;
        if (string.IsNullOrWhiteSpace(allocated.Text("nonSpecialistReason")) || !context.IsChildIn(allocated, context.PersonId)) yield break;
        if (InvestigationEvents.IdOf(allocated) is not { } id) yield break;
        var opening = InvestigationEvents.Opening(InvestigationEvents.Of(context.Chronology, id));
        var needs = SpecialistNeed.For(opening?.TextList("offenceTypes") ?? [], true,
            context.Subject.Flags.Where(f => context.Subject.HasLiveFlag(f.Code)).Select(f => f.Code)).Where(n => n.Required).ToList();
        string what = needs.Count == 0 ? "specialist skills" : Mention.List(needs.Select(n => TeamSkills.Describe(n.Skill)));
        string why = needs.Count == 0 ? "" : $" because it is {Mention.List(needs.Select(n => n.Why))}";
        yield return new AlertOutput(Name, context.PersonId, OutputCodes.Alerts.NonSpecialistAllocation,
            RuleOutput.KeyFor(Name, context.PersonId, allocated.Id),
            $"The investigation into offences against {Mention.Person(context.PersonId)} was allocated on {Mention.Date(allocated.OccurredAt)} to a team " +
            $"without {what}, which it needs{why}; a reason was recorded. A supervisor should check the allocation.",
            opening is null ? [allocated.Id] : [opening.Id, allocated.Id],
            allocated.Text("team") is { Length: > 0 } team ? Audiences.SupervisorOf(team) : Audiences.Supervisor);
    }
}
