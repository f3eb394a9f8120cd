namespace Safeguard.Core.Measures.Framework;

/// <summary>How a measure turns its facts into a figure.</summary>
public enum MeasureKind
{
    /// <summary>A rate: facts with <see cref="MeasureFact.Met"/> over all facts in the month.</summary>
    Rate,
    /// <summary>A rate against a time limit from a setting (<see cref="MeasureDefinition.LimitSetting"/>): facts whose
    /// <see cref="MeasureFact.Value"/> is within the limit over the facts that are due (done, or whose limit has passed
    /// by the end of the period or now, whichever is sooner). <see cref="MeasureFact.At"/> is when the clock started.</summary>
    Deadline,
    /// <summary>An average time taken (<see cref="MeasureFact.Value"/> of facts with a value), with the share within the
    /// target setting as the rate.</summary>
    Duration,
    /// <summary>A count of facts (and, where <see cref="MeasureFact.Met"/> means something, how many of them are met).</summary>
    Count,
}

/// <summary>The unit a measure's <see cref="MeasureFact.Value"/> is in.</summary>
public enum MeasureUnit
{
    None, Hours, Days,
    /// <summary>Working days (weekends and bank holidays left out): a value of n means done by the end of the nth working
    /// day after the clock started, as <c>SafeguardCalendar.AddWorkingDays</c> counts (0: by the end of that working day).</summary>
    WorkingDays,
}

/// <summary>One measure of the performance framework (M1), the recording quality measures (B5) or the children to notice
/// (B2): what it counts, in words, for the page and for <c>docs/measures.md</c>.</summary>
/// <param name="Id">Stable id, used in the API and the facts table (kebab-case).</param>
/// <param name="Title">Short title: "Return interviews within 72 hours".</param>
/// <param name="Requirement">The requirement it answers: M1, B5 or B2.</param>
/// <param name="Kind">How facts become a figure.</param>
/// <param name="Numerator">What is counted above the line, in words.</param>
/// <param name="Denominator">What it is counted out of, in words (for a count or duration: what is counted).</param>
/// <param name="Counts">What counts and what does not, where a reader could wonder, and which month a case falls in.</param>
/// <param name="HigherIsBetter">Whether a higher figure is better (false for re-referrals or children held overnight).</param>
/// <param name="ValueUnit">The unit of <see cref="MeasureFact.Value"/> for deadline and duration measures.</param>
/// <param name="LimitSetting">Deadline measures: the setting holding the time limit (in <paramref name="ValueUnit"/>).</param>
/// <param name="TargetSetting">The setting holding a target for the figure, if any: a percentage for rates and
/// deadlines, a number of days for durations. Drawn on the charts.</param>
/// <param name="HighPriorityTargetSetting">Duration measures whose items have their own target by priority (IN2): the setting
/// holding the stricter target for items marked high priority (<see cref="MeasureFact.Met"/> true); the others are held to
/// <paramref name="TargetSetting"/>.</param>
public sealed record MeasureDefinition(string Id, string Title, string Requirement, MeasureKind Kind, string Numerator, string Denominator,
    string Counts, bool HigherIsBetter = true, MeasureUnit ValueUnit = MeasureUnit.None, string? LimitSetting = null, string? TargetSetting = null,
    string? HighPriorityTargetSetting = null);
