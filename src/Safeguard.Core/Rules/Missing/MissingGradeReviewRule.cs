using Safeguard.Core.Rules.Exploitation;

namespace Safeguard.Core.Rules.Missing;

/// <summary>F3: a missing report graded <c>low</c> or <c>very-low</c> for a child with CSE indicators, a live
/// <c>cse-risk</c> flag, or who is repeat missing (by count or a live <c>repeat-missing</c> flag) raises a
/// <c>missing-grade-review</c> alert asking a supervisor to review the grade.</summary>
public sealed class MissingGradeReviewRule : IRule
{
    private static readonly HashSet<string> LowGrades = ["low", "very-low"];

    /// <inheritdoc />
    public string Name => "F3-missing-grade-review";

    /// <inheritdoc />
    public IReadOnlySet<string> ReactsTo { get; } = new HashSet<string> { "missing-reported" };

    /// <inheritdoc />
    public IEnumerable<RuleOutput> Evaluate(RuleContext context)
    {
        var report = context.Trigger;
        if (!context.SubjectIs("child") || report.Text("riskGrade") is not { } grade || !LowGrades.Contains(grade)) yield break;

        var reasons = new List<string>();
        var ids = new List<string>();
        var evidence = CseEvidence.Find(context, report.OccurredAt);
        if (evidence.Count > 0)
        {
            reasons.Add($"signs of sexual exploitation ({Mention.List(evidence.Select(e => e.Description))})");
            ids.AddRange(evidence.Select(e => e.EventId));
        }
        if (context.Subject.HasLiveFlag("cse-risk")) reasons.Add("a flag for risk of sexual exploitation");
        if (MissingEpisodes.RepeatWindow(context, report) is { } repeat)
        {
            reasons.Add($"repeat missing ({repeat.Episodes.Count} episodes in {context.Settings.RepeatMissingWindowDays} days)");
            ids.AddRange(repeat.Episodes.Select(e => e.Id));
        }
        else if (context.Subject.HasLiveFlag("repeat-missing"))
        {
            reasons.Add("a repeat missing flag");
        }
        if (reasons.Count == 0) yield break;

        ids.Add(report.Id);
        yield return new AlertOutput(Name, context.PersonId, "missing-grade-review",
            RuleOutput.KeyFor(Name, context.PersonId, report.Id),
            $"The missing report of {Mention.Time(report.OccurredAt)} is graded {grade.Replace('-', ' ')}, but the child has {Mention.List(reasons)}: review the grade.",
            ids.Distinct().ToList(), Audiences.Supervisor);
    }
}
