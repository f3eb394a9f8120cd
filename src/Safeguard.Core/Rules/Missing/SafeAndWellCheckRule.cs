namespace Safeguard.Core.Rules.Missing;

/// <summary>MI4 / F5: when a missing child is found, a police safe-and-well (prevention) check is due before the
/// episode closes. Guidance sets no hours, so the task is due <c>MI4.safeAndWellCheckHours</c> (24 by default)
/// after <c>locatedAt</c>; it closes on a <c>safe-and-well-check</c> with the episode's <c>missingEventId</c>.</summary>
public sealed class SafeAndWellCheckRule : IRule
{
    /// <inheritdoc />
    public string Name => "MI4-safe-and-well-check";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-located" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        if (!context.SubjectIs("child")) yield break;
        var located = context.Trigger;
        if (MissingEpisodes.EpisodeIdFor(context, located) is not { } episode) yield break;
        var locatedAt = located.Instant("locatedAt") ?? located.OccurredAt;
        int hours = context.Settings.SafeAndWellCheckHours;

        yield return new TaskOutput(Name, context.PersonId, "safe-and-well-check",
            RuleOutput.KeyFor(Name, context.PersonId, episode),
            $"Found at {locatedAt:yyyy-MM-dd HH:mm} UTC after missing episode {episode}: a safe-and-well check is due within {hours} hours.",
            [episode, located.Id],
            context.Calendar.AddHours(locatedAt, hours),
            Teams.Response,
            new TaskFulfilment("safe-and-well-check", "missingEventId", episode));
    }
}
