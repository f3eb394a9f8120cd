namespace Safeguard.Core.Rules.Referrals;

/// <summary>WT5: children's social care complete their assessment within <c>WT5.assessmentWorkingDays</c> working days of the
/// referral. When a referral to the MASH or social care is accepted, or screened to an assessment or a strategy discussion,
/// raises a <c>social-care-assessment</c> task for children's social care on each child, due at the end of that working day
/// counted from the referral's receipt; closed by an <c>assessment-completed</c> naming the referral. A declined referral
/// needs none.</summary>
public sealed class SocialCareAssessmentRule : IRule
{
    /// <inheritdoc />
    public string Name => "WT5-social-care-assessment";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "referral" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var referral = context.Trigger;
        if (!context.IsChildIn(referral, context.PersonId)) yield break;
        var life = ReferralLife.Of(referral, context.Chronology);
        if (!life.NeedsAssessment) yield break;
        int days = context.Settings.Int("WT5.assessmentWorkingDays");
        var due = context.Calendar.AddWorkingDays(life.ReceivedAt, days);
        var why = life.Outcome == "accepted"
            ? $"was accepted on {Mention.Time(life.Response!.OccurredAt)}"
            : $"was screened on {Mention.Time(life.Screening!.OccurredAt)} to {(life.ScreeningDecision == "assessment" ? "an assessment" : "a strategy discussion")}";
        var basis = new[] { referral, life.Received, life.Screening, life.Response }.Where(e => e is not null).Select(e => e!.Id).Distinct().ToList();
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.SocialCareAssessment,
            RuleOutput.KeyFor(Name, context.PersonId, referral.Id),
            $"The referral about {Mention.Person(context.PersonId)} made on {Mention.Time(referral.OccurredAt)} {why}: children's social care complete the assessment within {days} working days of the referral.",
            basis, due, Teams.SocialCare,
            new TaskFulfilment("assessment-completed", "referralEventId", referral.Id));
    }
}
