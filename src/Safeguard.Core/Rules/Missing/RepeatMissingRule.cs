namespace Safeguard.Core.Rules.Missing;

/// <summary>MI5 / F2: a child who goes missing <c>MI5.repeatMissingEpisodes</c> times within
/// <c>MI5.repeatMissingWindowDays</c>, counted over the whole history, gets a <c>repeat-missing</c> flag
/// suggestion and the control room gets a <c>repeat-missing</c> alert with the previous episodes.</summary>
public sealed class RepeatMissingRule : IRule
{
    /// <inheritdoc />
    public string Name => "MI5-repeat-missing";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-reported" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        if (!context.SubjectIs("child")) yield break;
        if (MissingEpisodes.RepeatWindow(context, context.Trigger) is not { } finding) yield break;

        var explanation = MissingEpisodes.Describe(context, finding);
        var ids = finding.Episodes.Select(e => e.Id).ToList();
        var about = finding.WindowEnd.Id;
        yield return new FlagSuggestion(Name, context.PersonId, "repeat-missing",
            RuleOutput.KeyFor(Name, context.PersonId, "flag", about), explanation, ids);
        yield return new AlertOutput(Name, context.PersonId, "repeat-missing",
            RuleOutput.KeyFor(Name, context.PersonId, "alert", about), explanation, ids, Audiences.ControlRoom);
    }
}
