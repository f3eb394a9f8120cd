namespace Safeguard.Core.Rules.Custody;

/// <summary>CU4 / L2: a child charged and refused bail who is still in a police cell at the night check
/// (<c>CU4.overnightCheckMinutes</c> after midnight, London time, 02:00 by default) after the charge — not released and
/// not handed to the local authority — is held overnight: a <c>child-held-overnight</c> alert for the custody inspector,
/// raised by a wake-up at the check time, during the night, naming whether a transfer was asked for, refused or
/// certified impracticable.</summary>
public sealed class HeldOvernightRule : IRule
{
    /// <inheritdoc />
    public string Name => "CU4-held-overnight";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "custody-charged" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var detention = CustodyDetention.Of(context.Trigger, context.Chronology, context.PersonId);
        if (detention?.Charged?.Id != context.Trigger.Id || !detention.BailRefused || !detention.IsChild(context.Subject, context.Settings)) yield break;
        var charged = detention.Charged;
        var check = CustodyDetention.NextNightCheck(charged.OccurredAt, context.Settings.OvernightCheck);
        if (!detention.InCustodyAt(check)) yield break;
        var key = RuleOutput.KeyFor(Name, context.PersonId, detention.CustodyId);
        if (context.Now < check)
        {
            yield return new WakeUp(Name, context.PersonId, OutputCodes.Alerts.ChildHeldOvernight, key,
                $"Check on {Mention.Time(check)} whether {Mention.Person(context.PersonId)} is still in a police cell after charge.",
                [charged.Id], check);
            yield break;
        }
        var before = (IEnumerable<ChronologyEvent> events) => events.Where(e => e.OccurredAt <= check).ToList();
        var requests = before(detention.TransferRequests);
        var outcomes = before(detention.TransferOutcomes);
        var certificate = outcomes.FirstOrDefault(o => o.Text("outcome") == "impracticable-certified");
        var refusal = outcomes.FirstOrDefault(o => o.Text("outcome") == "refused");
        string transfer = certificate is not null
            ? $"the custody officer certified a transfer impracticable on {Mention.Time(certificate.OccurredAt)}"
            : refusal is not null
                ? $"the local authority refused accommodation on {Mention.Time(refusal.OccurredAt)}"
                : requests.Count > 0
                    ? $"local authority accommodation was asked for on {Mention.Time(requests[0].OccurredAt)} and the child has not been moved"
                    : "no request for local authority accommodation has been made";
        yield return new AlertOutput(Name, context.PersonId, OutputCodes.Alerts.ChildHeldOvernight, key,
            $"{Mention.Person(context.PersonId)} was charged and refused bail on {Mention.Time(charged.OccurredAt)} and was still in a police cell on {Mention.Time(check)}: {transfer} (PACE s38(6); Concordat on Children in Custody).",
            [charged.Id, .. requests.Select(r => r.Id), .. outcomes.Select(o => o.Id)], Audiences.CustodyInspector)
        { EffectiveAt = check };
    }
}
