namespace Safeguard.Core.Rules.Missing;

/// <summary>MI3 / F5: an independent return interview must be offered within <c>MI3.returnInterviewHours</c>
/// (72) of the child's return. The task is due that long after <c>locatedAt</c> and closes on any
/// <c>return-interview</c> with the episode's <c>missingEventId</c>, held, offered or declined.</summary>
public sealed class ReturnInterviewRule : IRule
{
    /// <inheritdoc />
    public string Name => "MI3-return-interview";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-located" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        if (!context.SubjectIs("child")) yield break;
        var located = context.Trigger;
        if (MissingEpisodes.EpisodeIdFor(context, located) is not { } episode) yield break;
        var locatedAt = located.Instant("locatedAt") ?? located.OccurredAt;
        int hours = context.Settings.ReturnInterviewHours;

        yield return new TaskOutput(Name, context.PersonId, "return-interview",
            RuleOutput.KeyFor(Name, context.PersonId, episode),
            $"Found at {locatedAt:yyyy-MM-dd HH:mm} UTC after missing episode {episode}: a return interview must be offered within {hours} hours.",
            [episode, located.Id],
            context.Calendar.AddHours(locatedAt, hours),
            Teams.MissingPersons,
            new TaskFulfilment("return-interview", "missingEventId", episode));
    }
}
