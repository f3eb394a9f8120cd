using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Queues;

namespace Safeguard.Core.Measures.Families;

/// <summary>Supervision (B5, I2, M1): supervisory reviews of child abuse investigations on time (IN1).</summary>
public static class SupervisionMeasures
{
    public const string ReviewsOnTime = "supervisory-reviews-on-time";

    public static readonly MeasureFamily Family = new("Supervision",
    [
        new(ReviewsOnTime, "Supervisory reviews on time", "M1", MeasureKind.Deadline,
            "Supervisory reviews done within the time limit of the investigation's opening or its last review",
            "Supervisory reviews due: done, or whose time limit has passed with no review",
            "Every open child abuse investigation needs a supervisory review within the setting IN1 (28 days by default) of its "
            + "opening, then of each review. A review falls in the month its clock started (the opening or the review before). "
            + "A late review restarts the clock from when it was done. A review that was not yet done when the investigation was "
            + "closed is no longer needed and is not counted (as the IN1 task is withdrawn). Counted once for each child victim.",
            ValueUnit: MeasureUnit.Days, LimitSetting: "IN1.supervisoryReviewDays", TargetSetting: "M1.supervisoryReviewTargetPercent"),
    ], Facts);

    private static IEnumerable<FactDraft> Facts(MeasureStreamInput input)
    {
        foreach (var c in input.Cases.Where(c => c.Type == CaseTypes.Investigation))
        {
            var events = input.Events.Select(s => s.Event).Where(e => CaseStreams.InvestigationTypes.Contains(e.Type)).ToList();
            var opened = events.FirstOrDefault(e => e.Type == "investigation-opened");
            if (opened is null) continue;
            // The clock starts at the opening and again at each review after it, as the IN1 rule raises its task.
            var starts = events.Where(e => e.Type == "supervisory-review" && ChronologyEvent.Order.Compare(e, opened) > 0).Prepend(opened).ToList();
            var children = Days.ChildrenOrNone(opened);
            foreach (var start in starts)
            {
                var next = events.FirstOrDefault(e => e.Type is "supervisory-review" or "investigation-closed" && ChronologyEvent.Order.Compare(e, start) > 0);
                if (next?.Type == "investigation-closed") break;
                double? days = next is null ? null : Days.Between(start.OccurredAt, next.OccurredAt);
                foreach (var child in children)
                    yield return new FactDraft(ReviewsOnTime, c.Type, c.Id, child, c.Team, start.OccurredAt, Value: days);
            }
        }
    }
}

/// <summary>Elapsed days as the measures count them.</summary>
internal static class Days
{
    /// <summary>Calendar days from one instant to another on the London clock (28 days from 10:00 is 10:00 28 days later,
    /// across a clock change too, as the rules' due dates are), never below zero.</summary>
    public static double Between(DateTimeOffset from, DateTimeOffset to)
    {
        var a = TimeZoneInfo.ConvertTime(from, SafeguardCalendar.London).DateTime;
        var b = TimeZoneInfo.ConvertTime(to, SafeguardCalendar.London).DateTime;
        return Math.Max(0, Math.Round((b - a).TotalDays, 4));
    }

    /// <summary>The children an item is about (<see cref="QueuePriority.ChildrenIn"/>), or one unnamed when it names none.</summary>
    public static IReadOnlyList<Guid?> ChildrenOrNone(ChronologyEvent item) =>
        QueuePriority.ChildrenIn(item) is { Count: > 0 } children ? children.Select(c => (Guid?)c).ToList() : [null];
}
