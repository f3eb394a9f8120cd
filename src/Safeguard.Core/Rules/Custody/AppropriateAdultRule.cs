namespace Safeguard.Core.Rules.Custody;

/// <summary>CU1 / L1: anyone who is or appears to be under 18 has an appropriate adult in custody. A child booked in
/// without one named gets an <c>appropriate-adult</c> task for the custody officer, due <c>CU1.appropriateAdultHours</c>
/// after booking and closed by a <c>custody-appropriate-adult</c> (the adult's arrival) for the detention.</summary>
public sealed class AppropriateAdultRule : IRule
{
    /// <inheritdoc />
    public string Name => "CU1-appropriate-adult";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "custody-detained" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var detention = CustodyDetention.Of(context.Trigger, context.Chronology, context.PersonId);
        if (detention is null || detention.Detained.Id != context.Trigger.Id || !detention.IsChild(context.Subject, context.Settings)) yield break;
        if (!string.IsNullOrWhiteSpace(detention.Detained.Text("appropriateAdult"))) yield break;
        int hours = context.Settings.AppropriateAdultHours;
        yield return new TaskOutput(Name, context.PersonId, OutputCodes.Tasks.AppropriateAdult,
            RuleOutput.KeyFor(Name, context.PersonId, detention.CustodyId),
            $"{Mention.Person(context.PersonId)} was booked into custody on {Mention.Time(detention.Detained.OccurredAt)} with no appropriate adult: one must be secured within {Mention.Count(hours, "hour", "hours")} (PACE Code C).",
            [detention.Detained.Id], context.Calendar.AddHours(detention.Detained.OccurredAt, hours), Teams.Custody,
            new TaskFulfilment("custody-appropriate-adult", "custodyId", detention.CustodyId, detention.Detained.OccurredAt));
    }
}
