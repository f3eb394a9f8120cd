using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Missing;

/// <summary>One child missing now: the open episode (reported, not found), the child's live flags, and how long
/// they have been missing, counted from when they were last seen (else from the report).</summary>
public sealed record MissingNowEntry(Person Child, Rules.Missing.MissingEpisode Episode, IReadOnlyList<(string Code, string Status)> Flags, TimeSpan Missing);

/// <summary>A page of children missing now, with the true total.</summary>
public sealed record MissingNowPage(IReadOnlyList<MissingNowEntry> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The control room's list of every child missing now (F1, MI1): each open episode the reader may see,
/// high risk first and then the longest missing. Reading it is logged (P2).</summary>
public sealed class MissingNowReader(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    private static readonly string[] EpisodeTypes = ["missing-reported", "missing-located", "safe-and-well-check", "return-interview"];
    private static readonly string[] GradeOrder = ["high", "medium", "low", "very-low"];
    private static readonly string[] HiddenFlagStatuses = [FlagStatus.Rejected, FlagStatus.Ended, FlagStatus.Withdrawn];

    public async Task<MissingNowPage> ListAsync(Actor actor, int page, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.Forbidden("Your role may not see who is missing."));
        page = Math.Max(1, page);
        var now = clock.GetUtcNow();
        // Only children with a report not followed by a later "found" can be missing now; the episode model decides.
        var reported = db.Events.Where(e => e.Type == "missing-reported").SelectMany(e => e.People.Where(p => p.Role == "child").Select(p => p.PersonId));
        var visible = await access.Visible(actor).AsNoTracking().Where(p => reported.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var ids = visible.Keys.ToList();
        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => EpisodeTypes.Contains(e.Type) && e.People.Any(p => ids.Contains(p.PersonId))).ToListAsync(ct);
        var chronologies = events.Select(ChronologyEvent.From)
            .SelectMany(e => e.People.Where(p => p.Role == "child" && visible.ContainsKey(p.PersonId)).Select(p => (p.PersonId, Event: e)))
            .GroupBy(x => x.PersonId);
        var open = chronologies
            .SelectMany(g => Rules.Missing.MissingEpisodes.All(g.Select(x => x.Event).Order(ChronologyEvent.Order).ToList(), g.Key))
            .Where(e => e.Status == "open" && e.ReportedAt <= now)
            .Select(e => (Episode: e, Since: e.LastSeenAt ?? e.ReportedAt))
            .OrderBy(x => Array.IndexOf(GradeOrder, x.Episode.RiskGrade) is var i && i < 0 ? GradeOrder.Length : i)
            .ThenBy(x => x.Since).ThenBy(x => x.Episode.Id, StringComparer.Ordinal)
            .ToList();
        var shown = open.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var shownIds = shown.Select(x => x.Episode.ChildId).Distinct().ToList();
        var flags = await db.Flags.AsNoTracking().Where(f => shownIds.Contains(f.PersonId) && !HiddenFlagStatuses.Contains(f.Status))
            .Select(f => new { f.PersonId, f.Code, f.Status }).ToListAsync(ct);
        var items = shown.Select(x => new MissingNowEntry(visible[x.Episode.ChildId], x.Episode,
            flags.Where(f => f.PersonId == x.Episode.ChildId).Select(f => (f.Code, f.Status)).Distinct().ToList(),
            now - x.Since < TimeSpan.Zero ? TimeSpan.Zero : now - x.Since)).ToList();
        await audit.RecordListNowAsync(actor, AuditActions.List, "missing-now", shownIds.Select(i => (Guid?)i), $"page {page}: {items.Count} of {open.Count} children missing now", ct: ct);
        return new MissingNowPage(items, page, pageSize, open.Count);
    }

    /// <summary>"3 days 4 hours", "5 hours 20 minutes", "12 minutes": how long, in words, to the two largest units.</summary>
    public static string InWords(TimeSpan span)
    {
        static string Unit(int n, string one) => n == 1 ? $"1 {one}" : $"{n} {one}s";
        if (span.TotalDays >= 1) return span.Hours == 0 ? Unit(span.Days, "day") : $"{Unit(span.Days, "day")} {Unit(span.Hours, "hour")}";
        if (span.TotalHours >= 1) return span.Minutes == 0 ? Unit(span.Hours, "hour") : $"{Unit(span.Hours, "hour")} {Unit(span.Minutes, "minute")}";
        return span.TotalMinutes < 1 ? "less than a minute" : Unit(span.Minutes, "minute");
    }
}
