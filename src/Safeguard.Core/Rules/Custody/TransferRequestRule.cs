namespace Safeguard.Core.Rules.Custody;

/// <summary>CU4 / L2: a child charged and refused bail must be moved to local authority accommodation, so a request to
/// the local authority (secure or not) is due at once: a <c>custody-transfer-request</c> task for the custody officer,
/// due <c>CU4.transferRequestHours</c> after charge, closed by a <c>custody-transfer-requested</c> for the detention.</summary>
public sealed class TransferRequestRule : IRule
{
    /// <inheritdoc />
    public string Name => "CU4-transfer-request";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "custody-charged" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var detention = CustodyDetention.Of(context.Trigger, context.Chronology, context.PersonId);
        if (detention?.Charged?.Id != context.Trigger.Id || !detention.BailRefused || !detention.IsChild(context.Subject, context.Settings)) yield break;
        var charged = detention.Charged;
        int hours = context.Settings.TransferRequestHours;
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.CustodyTransferRequest,
            RuleOutput.KeyFor(Name, context.PersonId, detention.CustodyId),
            $"{Mention.Person(context.PersonId)} was charged and refused bail on {Mention.Time(charged.OccurredAt)}: ask the local authority for accommodation (secure or non-secure) at once, within {Mention.Count(hours, "hour", "hours")} (PACE s38(6)).",
            [detention.Detained.Id, charged.Id], context.Calendar.AddHours(charged.OccurredAt, hours), Teams.Custody,
            new TaskFulfilment("custody-transfer-requested", "custodyId", detention.CustodyId, charged.OccurredAt));
    }
}
