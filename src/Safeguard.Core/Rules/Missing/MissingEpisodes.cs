using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Safeguard.Core.Rules.Missing;

/// <summary>A window in which a child went missing at least the threshold number of times.</summary>
/// <param name="Episodes">The missing reports in the window, oldest first.</param>
/// <param name="WindowEnd">The last episode of the window: what the outputs are about.</param>
public sealed record RepeatMissingFinding(IReadOnlyList<ChronologyEvent> Episodes, ChronologyEvent WindowEnd);

/// <summary>A child's missing episodes over the whole chronology (MI5, F2).</summary>
public static class MissingEpisodes
{
    private static readonly HashSet<string> FollowUps = ["missing-located", "safe-and-well-check", "return-interview"];

    /// <summary>The subject's missing reports (as the child), oldest first.</summary>
    public static IReadOnlyList<ChronologyEvent> Of(RuleContext context) =>
        Remember(context, "reports", () => Reports(context.Chronology, context.PersonId));

    // A whole-history derivation gives every trigger's context the same chronology list, so what is worked out from it
    // is worked out once per derivation and not once per event (which made a long history cost n² or worse). The
    // results are immutable lists; the table lets them go when the chronology does.
    private static readonly ConditionalWeakTable<IReadOnlyList<ChronologyEvent>, ConcurrentDictionary<(string, Guid), object>> Remembered = new();

    private static T Remember<T>(RuleContext context, string what, Func<T> work) where T : class =>
        (T)Remembered.GetValue(context.Chronology, _ => new()).GetOrAdd((what, context.PersonId), _ => work());

    /// <summary>A child's missing reports in a chronology (in any order), oldest first.</summary>
    public static IReadOnlyList<ChronologyEvent> Reports(IEnumerable<ChronologyEvent> chronology, Guid childId) =>
        chronology.Where(e => e.Type == "missing-reported" && e.HasRole(childId, "child")).Order(ChronologyEvent.Order).ToList();

    /// <summary>Every missing episode of a child, oldest first, each with what followed it: the one model of an
    /// episode, used by the rules, the profile, the missing pages and the cases projection. A follow-up belongs
    /// to the report its <c>missingEventId</c> names, or else to the child's latest report before it.</summary>
    public static IReadOnlyList<MissingEpisode> All(IEnumerable<ChronologyEvent> chronology, Guid childId)
    {
        var ordered = chronology.Order(ChronologyEvent.Order).ToList();
        var reports = Reports(ordered, childId);
        var followUps = ordered.Where(e => FollowUps.Contains(e.Type) && e.Involves(childId))
            .Select(e => (Event: e, EpisodeId: e.Text("missingEventId") ?? reports.LastOrDefault(r => r.OccurredAt <= e.OccurredAt)?.Id))
            .Where(x => x.EpisodeId is not null).ToLookup(x => x.EpisodeId!, x => x.Event);
        return reports.Select(r =>
        {
            var about = followUps[r.Id].ToList();
            return new MissingEpisode(r.Id, childId, r, about.FirstOrDefault(e => e.Type == "missing-located"),
                about.FirstOrDefault(e => e.Type == "safe-and-well-check"), about.LastOrDefault(e => e.Type == "return-interview"),
                [r.Id, .. about.Select(e => e.Id)]);
        }).ToList();
    }

    /// <summary>A window of <c>MI5.repeatMissingWindowDays</c> (both ends included) holding at least
    /// <c>MI5.repeatMissingEpisodes</c> episodes including <paramref name="episode"/>, or null. Windows ending at
    /// later episodes are tried too, because a report recorded late can complete a window that ends after it.</summary>
    public static RepeatMissingFinding? RepeatWindow(RuleContext context, ChronologyEvent episode)
    {
        var episodes = Of(context);
        int threshold = context.Settings.RepeatMissingEpisodes, days = context.Settings.RepeatMissingWindowDays;
        foreach (var end in episodes.Where(e => ChronologyEvent.Order.Compare(e, episode) >= 0))
        {
            var start = context.Calendar.AddCalendarDays(end.OccurredAt, -days);
            if (episode.OccurredAt < start) break;
            var inWindow = episodes.Where(e => e.OccurredAt >= start && ChronologyEvent.Order.Compare(e, end) <= 0).ToList();
            if (inWindow.Count >= threshold) return new(inWindow, end);
        }
        return null;
    }

    /// <summary>"Went missing 4 times in the 90 days to 4 March 2026 (threshold 3): on 1 January 2026, ... and 4 March 2026."
    /// (dates as <see cref="Mention"/> placeholders).</summary>
    public static string Describe(RuleContext context, RepeatMissingFinding finding) =>
        $"Went missing {finding.Episodes.Count} times in the {context.Settings.RepeatMissingWindowDays} days to " +
        $"{Mention.Date(finding.WindowEnd.OccurredAt)} (threshold {context.Settings.RepeatMissingEpisodes}): " +
        $"on {Mention.Dates(finding.Episodes)}.";

    /// <summary>The missing report a located / safe-and-well / return-interview event is about: its
    /// <c>missingEventId</c>, or else the child's latest missing report before it.</summary>
    public static string? EpisodeIdFor(RuleContext context, ChronologyEvent e) =>
        e.Text("missingEventId") ?? Remember(context, "episodes", () => All(context.Chronology, context.PersonId)).LastOrDefault(m => m.EventIds.Contains(e.Id))?.Id
            ?? Of(context).LastOrDefault(m => m.OccurredAt <= e.OccurredAt)?.Id;

    /// <summary>A task due <paramref name="hours"/> after the child was found (the episode's <c>locatedAt</c>),
    /// closed by an event of type <paramref name="code"/> naming the episode: the shape both F5 duties share.</summary>
    /// <param name="context">The rule's context; nothing is produced unless the subject is the child found.</param>
    /// <param name="rule">The rule's name.</param>
    /// <param name="code">The task code, which is also the type of the event that closes it.</param>
    /// <param name="hours">The time limit from the settings.</param>
    /// <param name="team">The team the task is for.</param>
    /// <param name="duty">What is due, as it reads in the explanation ("a return interview must be offered").</param>
    public static IEnumerable<RuleOutput> TaskAfterReturn(RuleContext context, string rule, string code, int hours, string team, string duty)
    {
        if (!context.SubjectIs("child")) yield break;
        var located = context.Trigger;
        if (EpisodeIdFor(context, located) is not { } episode) yield break;
        var locatedAt = located.Instant("locatedAt") ?? located.OccurredAt;
        var report = Of(context).FirstOrDefault(e => e.Id == episode);
        var missing = report is null ? "after going missing" : $"after going missing on {Mention.Date(report.OccurredAt)}";

        yield return new TaskOutput(rule, context.PersonId, code,
            RuleOutput.KeyFor(rule, context.PersonId, episode),
            $"Found on {Mention.Time(locatedAt)} {missing}: {duty} within {hours} hours.",
            [episode, located.Id],
            context.Calendar.AddHours(locatedAt, hours),
            team,
            new TaskFulfilment(code, "missingEventId", episode));
    }
}
