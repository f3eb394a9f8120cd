namespace Safeguard.Core.Rules.Custody;

/// <summary>CU3 / L1: a child may be detained without charge for <c>CU3.detentionLimitHours</c> (24) from booking,
/// longer only with a superintendent's extension (to <c>CU3.superintendentExtensionHours</c>, 36, indictable offences)
/// or warrants of further detention (to <c>CU3.warrantLimitHours</c>, 96), recorded on a <c>custody-review</c> as
/// <c>extension</c> and <c>extendedToHours</c>. A wake-up at the limit checks: a child neither charged nor released by
/// then raises a <c>detention-limit-reached</c> alert for the custody inspector, at that time.</summary>
public sealed class DetentionLimitRule : IRule
{
    /// <inheritdoc />
    public string Name => "CU3-detention-limit";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "custody-detained" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var detention = CustodyDetention.Of(context.Trigger, context.Chronology, context.PersonId);
        if (detention is null || detention.Detained.Id != context.Trigger.Id || !detention.IsChild(context.Subject, context.Settings)) yield break;
        var limit = detention.LimitAt(context.Settings, context.Calendar);
        if (detention.ClockStoppedAt is { } stopped && stopped <= limit) yield break;
        int hours = detention.LimitHours(context.Settings);
        var key = RuleOutput.KeyFor(Name, context.PersonId, detention.CustodyId);
        if (context.Now < limit)
        {
            yield return new WakeUp(Name, context.PersonId, OutputCodes.Alerts.DetentionLimitReached, key,
                $"{Mention.Person(context.PersonId)}'s detention reaches its {hours}-hour limit on {Mention.Time(limit)}.",
                [detention.Detained.Id], limit);
            yield break;
        }
        var extension = detention.Extension;
        string extended = extension is null ? "" : $", as extended on {Mention.Time(extension.OccurredAt)}";
        yield return new AlertOutput(Name, context.PersonId, OutputCodes.Alerts.DetentionLimitReached, key,
            $"{Mention.Person(context.PersonId)}, booked into custody on {Mention.Time(detention.Detained.OccurredAt)}, reached the {hours}-hour detention limit{extended} on {Mention.Time(limit)} without being charged or released (PACE s41–44).",
            extension is null ? [detention.Detained.Id] : [detention.Detained.Id, extension.Id], Audiences.CustodyInspector)
        { EffectiveAt = limit };
    }
}
