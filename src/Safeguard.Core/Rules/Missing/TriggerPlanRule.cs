namespace Safeguard.Core.Rules.Missing;

/// <summary>F4: a repeat missing child needs a trigger plan (the Philomena profile: places found before,
/// associates, phones, photo, description). Raises a <c>trigger-plan</c> task for the missing persons unit,
/// due <c>F4.triggerPlanCalendarDays</c> after the report, unless one is open or the child already has a live
/// <c>trigger-plan</c> flag. Closed by a <c>trigger-plan</c> event for the child (an event type added for this).</summary>
public sealed class TriggerPlanRule : IRule
{
    /// <inheritdoc />
    public string Name => "F4-trigger-plan";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-reported" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        if (!context.SubjectIs("child")) yield break;
        if (context.Subject.HasOpenTask("trigger-plan") || context.Subject.HasLiveFlag("trigger-plan")) yield break;
        if (MissingEpisodes.RepeatWindow(context, context.Trigger) is not { } finding) yield break;

        var places = context.EventsOfType("missing-located")
            .Select(e => e.Text("foundLocation")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var placesText = places.Count == 0 ? "" : $" Places found before: {string.Join("; ", places)}.";
        yield return new TaskOutput(Name, context.PersonId, "trigger-plan",
            RuleOutput.KeyFor(Name, context.PersonId, finding.WindowEnd.Id),
            $"A trigger plan is needed. {MissingEpisodes.Describe(context, finding)}{placesText}",
            finding.Episodes.Select(e => e.Id).ToList(),
            context.Calendar.AddCalendarDays(finding.WindowEnd.OccurredAt, context.Settings.TriggerPlanCalendarDays),
            Teams.MissingPersons,
            new TaskFulfilment("trigger-plan", NotBefore: finding.Episodes[0].OccurredAt));
    }
}
