namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>DA3: a new domestic abuse incident between a victim and the person they were referred to the MARAC about,
/// within <c>DA3.repeatMaracMonths</c> (12) months of the victim's last MARAC referral, is a repeat MARAC case. Raises a
/// <c>repeat-marac</c> alert to the domestic abuse unit's supervisors and a <c>marac-referral</c> task (refer the case
/// back to the MARAC as a repeat), unless one is open, due as DA1's, closed by a <c>referral</c> of kind <c>marac</c>.
/// The perpetrator is the suspect named on the referral, else the suspect of the victim's latest domestic abuse
/// incident or DASH before it; with no perpetrator known nothing is raised.</summary>
public sealed class RepeatMaracRule : IRule
{
    /// <inheritdoc />
    public string Name => "DA3-repeat-marac";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "incident" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var incident = context.Trigger;
        if (Find(context) is not { } found) yield break;
        var (referral, same) = found;
        int months = context.Settings.Int("DA3.repeatMaracMonths");

        var why = $"{Mention.Person(context.PersonId)} was referred to the MARAC on {Mention.Date(referral.OccurredAt)} and the domestic abuse incident " +
                  $"on {Mention.Time(incident.OccurredAt)} with {Mention.People(same)} is within {months} months of it";
        IReadOnlyList<string> ids = [referral.Id, incident.Id];
        yield return new AlertOutput(Name, context.PersonId, "repeat-marac", RuleOutput.KeyFor(Name, context.PersonId, incident.Id),
            $"{why}: this is a repeat MARAC case.", ids, Audiences.SupervisorOf(Teams.DomesticAbuse));
        if (context.Subject.HasOpenTask("marac-referral")) yield break;
        yield return new TaskOutput(Name, context.PersonId, "marac-referral", RuleOutput.KeyFor(Name, context.PersonId, "marac-referral", incident.Id),
            $"{why}: refer it back to the MARAC as a repeat case.", ids,
            context.Calendar.AddWorkingDays(incident.OccurredAt, context.Settings.Int("DA1.maracReferralWorkingDays")),
            Teams.DomesticAbuse, new TaskFulfilment("referral", "kind", "marac", NotBefore: incident.OccurredAt));
    }

    /// <summary>When the trigger is a repeat MARAC case: the last MARAC referral and the perpetrators of it in the incident; else null.</summary>
    public static (ChronologyEvent Referral, IReadOnlyList<Guid> Perpetrators)? Find(RuleContext context)
    {
        var incident = context.Trigger;
        if (!DomesticAbuseIncident.Is(incident) || !context.SubjectIs("victim")) return null;
        var referral = context.Chronology.LastOrDefault(e => DomesticAbuseParties.IsMaracReferral(e) && e.Involves(context.PersonId)
                                                            && e.OccurredAt < incident.OccurredAt);
        if (referral is null) return null;
        if (incident.OccurredAt > context.Calendar.AddMonths(referral.OccurredAt, context.Settings.Int("DA3.repeatMaracMonths"))) return null;
        var same = DomesticAbuseParties.PerpetratorsOf(referral, context.Chronology, context.PersonId)
            .Where(p => p != context.PersonId && DomesticAbuseParties.IsIncidentBetween(incident, context.PersonId, p)).ToList();
        return same.Count == 0 ? null : (referral, same);
    }
}
