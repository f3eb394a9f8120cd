using Safeguard.Core.Cases;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Missing;

namespace Safeguard.Core.Measures.Families;

/// <summary>Missing children (M1): return interviews within 72 hours, and the repeat missing rate (MI5).</summary>
public static class MissingMeasures
{
    public const string ReturnInterviewsOnTime = "return-interviews-72h";
    public const string RepeatMissingRate = "repeat-missing-rate";

    /// <summary>A child's missing reports (role <c>child</c>), one stream per child, for the repeat missing rate.</summary>
    public const string ChildStream = "measure-missing-child";

    public static readonly MeasureFamily Family = new("Missing children",
    [
        new(ReturnInterviewsOnTime, "Return interviews within 72 hours", "M1", MeasureKind.Deadline,
            "Missing episodes whose return interview was offered or held within the time limit of the child being found",
            "Missing episodes whose child was found, once the time limit has passed or the interview is recorded",
            "An episode falls in the month the child was found. The time limit is the setting MI3 (72 hours by default). "
            + "A return interview recorded as declined counts as offered. An episode whose limit has not yet passed and has no interview is not counted yet.",
            ValueUnit: MeasureUnit.Hours, LimitSetting: "MI3.returnInterviewHours", TargetSetting: "M1.returnInterviewTargetPercent"),
        new(RepeatMissingRate, "Repeat missing rate", "M1", MeasureKind.Rate,
            "Children who, with an episode starting in the month, had gone missing the MI5 number of times (3 by default) in the MI5 window (90 days) ending with that episode",
            "Children with at least one missing episode starting in the month (each child once a month)",
            "A child is counted once in each month in which a missing report about them (as the child) starts an episode; the month is that of "
            + "the report's time (Europe/London). Earlier episodes, in any month, count towards the window. Settings MI5.repeatMissingEpisodes and "
            + "MI5.repeatMissingWindowDays as set when the facts were projected (run safeguard rebuild-cases after changing them). Lower is better; no target.",
            HigherIsBetter: false),
    ], Facts,
        Streams: e => e.Type == "missing-reported" && ChildOf(e) is { } child ? [CaseStreams.Key(ChildStream, child.ToString())] : [],
        PersonStreams: new Dictionary<string, IReadOnlySet<string>> { [ChildStream] = new HashSet<string> { "missing-reported" } });

    /// <summary>The child a missing report is about: the person in role child (as the repeat missing rule reads it).</summary>
    private static Guid? ChildOf(ChronologyEvent e) => e.PeopleInRole("child") is [var first, ..] ? first : null;

    private static IEnumerable<FactDraft> Facts(MeasureStreamInput input)
    {
        foreach (var c in input.Cases.Where(c => c.Type == CaseTypes.MissingEpisode))
        {
            if (c.Fields.GetValueOrDefault("locatedAt") is not DateTimeOffset found) continue;
            var child = c.Fields.GetValueOrDefault("childId") as Guid?;
            // Offered, held or declined: the earliest time any return interview says it was offered.
            var interview = input.Events.Where(s => s.Event.Type == "return-interview")
                .Select(s => s.Event.Instant("offeredAt") ?? s.Event.Instant("heldAt") ?? s.Event.OccurredAt).Order()
                .Cast<DateTimeOffset?>().FirstOrDefault();
            double? hours = interview is { } at ? Math.Max(0, (at - found).TotalHours) : null;
            yield return new FactDraft(ReturnInterviewsOnTime, c.Type, c.Id, child, c.Team, found, Value: hours);
        }
        if (input.Stream.StartsWith(ChildStream + ":", StringComparison.Ordinal))
            foreach (var fact in RepeatMissing(input)) yield return fact;
    }

    /// <summary>One fact per child and month with an episode starting in it: met when any episode of the month ends an MI5
    /// window holding the threshold number of episodes (the window as <see cref="MissingEpisodes.RepeatWindow"/> counts it).
    /// The fact names the month's first episode that is a repeat (or its first episode).</summary>
    private static IEnumerable<FactDraft> RepeatMissing(MeasureStreamInput input)
    {
        var childId = Guid.Parse(CaseStreams.Parse(input.Stream).Key);
        var reports = input.Events.Where(s => s.Event.Type == "missing-reported" && s.Event.HasRole(childId, "child")).ToList();
        int threshold = input.Settings.RepeatMissingEpisodes, days = input.Settings.RepeatMissingWindowDays;
        bool Repeat(CaseSource end)
        {
            var start = input.Calendar.AddCalendarDays(end.Event.OccurredAt, -days);
            return reports.Count(r => r.Event.OccurredAt >= start && ChronologyEvent.Order.Compare(r.Event, end.Event) <= 0) >= threshold;
        }
        foreach (var month in reports.GroupBy(r => MonthKey.Of(r.Event.OccurredAt)))
        {
            var repeat = month.FirstOrDefault(Repeat);
            var named = repeat ?? month.First();
            yield return new FactDraft(RepeatMissingRate, CaseTypes.MissingEpisode, named.Event.Id, childId, named.Unit, month.First().Event.OccurredAt,
                Met: repeat is not null);
        }
    }
}
