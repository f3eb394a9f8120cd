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
    public IEnumerable<RuleOutput> Evaluate(RuleContext context) =>
        MissingEpisodes.TaskAfterReturn(context, Name, "return-interview", context.Settings.ReturnInterviewHours, Teams.MissingPersons, "a return interview must be offered");
}
