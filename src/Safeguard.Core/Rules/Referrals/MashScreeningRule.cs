namespace Safeguard.Core.Rules.Referrals;

/// <summary>WT1 / J3: a referral to the MASH or children's social care is screened with a decision within
/// <c>WT1.referralDecisionWorkingDays</c> working days of its receipt. Raises a <c>mash-screening</c> task for the MASH on each
/// child in the referral, due at the end of that working day, counted from the recorded receipt (else from sending); closed
/// by the <c>mash-screening</c> decision that names the referral.</summary>
public sealed class MashScreeningRule : IRule
{
    /// <inheritdoc />
    public string Name => "WT1-mash-screening";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "referral" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var referral = context.Trigger;
        if (!context.IsChildIn(referral, context.PersonId)) yield break;
        var life = ReferralLife.Of(referral, context.Chronology);
        if (!life.ToHub) yield break;
        int days = context.Settings.Int("WT1.referralDecisionWorkingDays");
        var due = context.Calendar.AddWorkingDays(life.ReceivedAt, days);
        var received = life.Received is { } r ? $"received on {Mention.Time(r.OccurredAt)}" : $"sent on {Mention.Time(referral.OccurredAt)}";
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.MashScreening,
            RuleOutput.KeyFor(Name, context.PersonId, referral.Id),
            $"A referral about {Mention.Person(context.PersonId)} to {Words(life)} was {received}: the MASH records its screening decision, with each agency's contribution, within {days} working {(days == 1 ? "day" : "days")}.",
            life.Received is { } rec ? [referral.Id, rec.Id] : [referral.Id], due, Teams.Mash,
            new TaskFulfilment("mash-screening", "referralEventId", referral.Id));
    }

    internal static string Words(ReferralLife life) => life.Kind == "mash" ? "the MASH" : "children's social care";
}
