namespace Safeguard.Core.Rules.DomesticAbuse;

/// <summary>DA1 / H1: a victim of domestic abuse is high risk, and a referral to the MARAC is due, when
/// (a) a DASH checklist has <c>DA1.highRiskYesCount</c> (14) or more "yes" answers, or professional judgement puts
/// them at high risk (judgement raises the band, never lowers it), or (b) a domestic abuse incident is the
/// <c>DA1.escalationIncidents</c>th (3rd) or later between the same two people within <c>DA1.escalationWindowMonths</c>
/// (12) months (potential escalation). Suggests <c>da-high-risk</c> on the victim and raises a <c>marac-referral</c>
/// task for the domestic abuse unit, due <c>DA1.maracReferralWorkingDays</c> working days after the DASH or incident,
/// closed by a <c>referral</c> of kind <c>marac</c> for the victim; no second task while one is open, nor when the
/// incident is a repeat MARAC case (DA3 raises that task).</summary>
public sealed class MaracHighRiskRule : IRule
{
    /// <inheritdoc />
    public string Name => "DA1-marac-high-risk";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "dash", "incident" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var trigger = context.Trigger;
        if (!context.SubjectIs("victim")) yield break;
        string? why = trigger.Type == "dash" ? FromDash(context) : DomesticAbuseIncident.Is(trigger) ? FromEscalation(context) : null;
        if (why is null) yield break;

        yield return new FlagSuggestion(Name, context.PersonId, "da-high-risk", RuleOutput.KeyFor(Name, context.PersonId, trigger.Id),
            $"{why}: {Mention.Person(context.PersonId)} is at high risk of serious harm from domestic abuse.", [trigger.Id]);
        // One referral task at a time; a repeat MARAC case's referral task is DA3's, which says it is a repeat.
        if (context.Subject.HasOpenTask("marac-referral") || RepeatMaracRule.Find(context) is not null) yield break;
        yield return new TaskOutput(Name, context.PersonId, "marac-referral", RuleOutput.KeyFor(Name, context.PersonId, "marac-referral", trigger.Id),
            $"{why}: refer {Mention.Person(context.PersonId)} to the multi-agency risk assessment conference (MARAC).",
            [trigger.Id], context.Calendar.AddWorkingDays(trigger.OccurredAt, context.Settings.Int("DA1.maracReferralWorkingDays")),
            Teams.DomesticAbuse, new TaskFulfilment("referral", "kind", "marac", NotBefore: trigger.OccurredAt));
    }

    private static string? FromDash(RuleContext context)
    {
        var dash = DashAssessment.Read(context.Trigger);
        if (dash.Band(context.Settings) != DashAssessment.High) return null;
        var when = Mention.Date(context.Trigger.OccurredAt);
        return dash.RaisedByJudgement(context.Settings)
            ? $"The risk checklist on {when} had {Mention.Count(dash.YesCount, "\"yes\" answer", "\"yes\" answers")}, and the officer's professional judgement is high risk"
            : $"The risk checklist on {when} had {dash.YesCount} \"yes\" answers (high risk from {context.Settings.Int("DA1.highRiskYesCount")})";
    }

    private static string? FromEscalation(RuleContext context)
    {
        var incident = context.Trigger;
        int threshold = context.Settings.Int("DA1.escalationIncidents"), months = context.Settings.Int("DA1.escalationWindowMonths");
        var from = context.Calendar.AddMonths(incident.OccurredAt, -months);
        foreach (var other in incident.PeopleInRole("suspect").Where(s => s != context.PersonId))
        {
            var between = context.Chronology
                .Where(e => e.OccurredAt >= from && ChronologyEvent.Order.Compare(e, incident) <= 0 && DomesticAbuseParties.IsIncidentBetween(e, context.PersonId, other))
                .ToList();
            if (between.Count >= threshold)
                return $"{Mention.Person(context.PersonId)} and {Mention.Person(other)} have had {between.Count} domestic abuse incidents in {months} months " +
                       $"({Mention.Dates(between)}; potential escalation from {threshold})";
        }
        return null;
    }
}
