using Safeguard.Core.Measures.Framework;

namespace Safeguard.Web.Measures;

/// <summary>One measure in the monthly report: the whole force's figure for the month and for the month before, and
/// the target (as <see cref="MeasureFigures.Target"/> holds it).</summary>
public sealed record ReportMeasure(MeasureDefinition Definition, MeasureCell? ThisMonth, MeasureCell? LastMonth, double? Target)
{
    /// <summary>The figure compared: a percentage for rates and deadlines, the average time for durations, the number
    /// counted for counts; null when nothing was counted.</summary>
    public static double? Figure(MeasureDefinition d, MeasureCell? c) => c is null || c.Counted == 0 ? null : d.Kind switch
    {
        MeasureKind.Rate or MeasureKind.Deadline => (c.Rate ?? 0) * 100,
        MeasureKind.Duration => c.Average,
        _ => c.Counted,
    };

    /// <summary>The target in the figure's own terms (a percentage, a time), or null when there is none.</summary>
    public double? TargetFigure => Target is not { } t ? null : Definition.Kind == MeasureKind.Duration ? t : t * 100;

    /// <summary>Whether a lower figure is better: durations (a time taken against a target), and measures that say so.</summary>
    public bool LowerIsBetter => Definition.Kind == MeasureKind.Duration || !Definition.HigherIsBetter;

    /// <summary>True when this month's figure misses the target, false when it meets it, null when there is no target,
    /// no cases, or the measure is a plain count.</summary>
    public bool? OffTarget => Definition.Kind == MeasureKind.Count || TargetFigure is not { } t || Figure(Definition, ThisMonth) is not { } v ? null
        : LowerIsBetter ? v > t : v < t;
}

/// <summary>What the monthly report says in words (M3, issue 12 point 5), generated from the figures alone: how many
/// measures with a target met it, the measures off target, the biggest changes since the month before, and the measures
/// with no cases.</summary>
public sealed record ReportWords(string Summary, IReadOnlyList<string> OffTarget, IReadOnlyList<string> Changes, IReadOnlyList<string> NoCases)
{
    /// <summary>The most changes the narrative names.</summary>
    public const int MostChanges = 3;

    /// <summary>A change smaller than this (5 percentage points for a percentage, 5% of the earlier figure otherwise) is
    /// not called a change.</summary>
    public const double SmallestChange = 0.05;

    public static ReportWords Write(IReadOnlyList<ReportMeasure> measures, MonthKey month)
    {
        var previous = new MonthKey(month.Value - 1);
        var offTarget = measures.Where(m => m.OffTarget == true)
            .Select(m => $"{m.Definition.Title}: {MeasureBoard.Text(m.Definition, m.ThisMonth)}, against a target of {TargetWords(m)}.")
            .ToList();
        int withTarget = measures.Count(m => m.OffTarget is not null), met = measures.Count(m => m.OffTarget == false);
        var summary = withTarget == 0
            ? $"No measure with a target had cases in {month.Long}."
            : $"In {month.Long}, {met} of the {withTarget} {(withTarget == 1 ? "measure" : "measures")} with a target and cases met {(withTarget == 1 ? "it" : "their targets")}"
              + (offTarget.Count == 0 ? "." : $"; {offTarget.Count} did not.");

        var changes = measures
            .Select(m => (m, now: ReportMeasure.Figure(m.Definition, m.ThisMonth), before: ReportMeasure.Figure(m.Definition, m.LastMonth)))
            .Where(x => x.now is not null && x.before is not null)
            .Select(x => (x.m, now: x.now!.Value, before: x.before!.Value, size: Size(x.m.Definition, x.now!.Value, x.before!.Value)))
            .Where(x => x.size >= SmallestChange)
            .OrderByDescending(x => x.size).ThenBy(x => x.m.Definition.Title, StringComparer.Ordinal)
            .Take(MostChanges)
            .Select(x => $"{x.m.Definition.Title} {(x.now > x.before ? "rose" : "fell")} from {MeasureBoard.Text(x.m.Definition, x.m.LastMonth)} in "
                + $"{previous.Long} to {MeasureBoard.Text(x.m.Definition, x.m.ThisMonth)}{Judgement(x.m, x.now, x.before)}.")
            .ToList();

        var noCases = measures.Where(m => ReportMeasure.Figure(m.Definition, m.ThisMonth) is null).Select(m => m.Definition.Title).ToList();
        return new ReportWords(summary, offTarget, changes, noCases);
    }

    /// <summary>How big a change is: percentage points over 100 for a percentage, otherwise relative to the earlier figure.</summary>
    private static double Size(MeasureDefinition d, double now, double before) => d.Kind is MeasureKind.Rate or MeasureKind.Deadline
        ? Math.Abs(now - before) / 100
        : Math.Abs(now - before) / Math.Max(Math.Abs(before), 1);

    /// <summary>": better" or ": worse", except for plain counts, which are neither.</summary>
    private static string Judgement(ReportMeasure m, double now, double before) => m.Definition.Kind == MeasureKind.Count ? ""
        : (now > before) != m.LowerIsBetter ? ", which is better" : ", which is worse";

    private static string TargetWords(ReportMeasure m) => m.Definition.Kind == MeasureKind.Duration
        ? $"{m.TargetFigure!.Value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} {MeasureBoard.UnitWord(m.Definition.ValueUnit, m.TargetFigure.Value)}"
          + (m.LowerIsBetter ? " or less" : "")
        : m.TargetFigure!.Value.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + "%" + (m.LowerIsBetter ? " or less" : "");
}
