using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Missing;

/// <summary>One missing episode put together from its report and what followed it (F1, F5).</summary>
public sealed record MissingEpisode(string EventId, DateTimeOffset ReportedAt, string RiskGrade, string? ReportedBy, bool LookedAfter,
    DateTimeOffset? LastSeenAt, string? LastSeenLocation, string? Circumstances, string? LocatedEventId, DateTimeOffset? LocatedAt,
    string? FoundLocation, IReadOnlyList<string> FoundWith, bool SafeAndWellDone, string? ReturnInterview)
{
    /// <summary>MI1, MI4: missing until located; closed once located and the safe-and-well check is done.</summary>
    public string Status => LocatedAt is null ? "open" : SafeAndWellDone ? "closed" : "located";
}

/// <summary>The current trigger plan (the latest <c>trigger-plan</c> event): what finds the child quickly (F4, MI6).</summary>
public sealed record TriggerPlan(string EventId, DateTimeOffset RecordedAt, string RecordedBy, string? Description, string? PhotoReference,
    IReadOnlyList<string> Phones, IReadOnlyList<string> SocialMedia, string? Medical, IReadOnlyList<string> Associates,
    IReadOnlyList<string> Places, string? ReviewDate, string? Notes);

/// <summary>Everything the control room needs when a child is reported missing again (F2): every episode over
/// the whole history (newest first), the count in the last 90 days, the trigger plan, and the places and
/// associates earlier episodes suggest for a plan (F4).</summary>
public sealed record ChildMissingHistory(Person Child, IReadOnlyList<MissingEpisode> Episodes, int Last90Days, TriggerPlan? Plan,
    IReadOnlyList<string> ProposedPlaces, IReadOnlyList<string> ProposedAssociates, IReadOnlyList<(Guid Id, string Name, string Link)> LinkedPeople);

/// <summary>Reads a child's missing history for the missing pages. Reading it is logged (P2).</summary>
public sealed class MissingHistoryReader(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    private static readonly string[] Types = ["missing-reported", "missing-located", "safe-and-well-check", "return-interview", "trigger-plan"];

    public async Task<ChildMissingHistory> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var child = await access.GetVisibleAsync(actor, childId, ct);
        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => e.People.Any(p => p.PersonId == childId) && Types.Contains(e.Type)).ToListAsync(ct);
        var chronology = events.Select(ChronologyEvent.From).Order(ChronologyEvent.Order).ToList();
        var linked = await LinkedPeopleAsync(actor, childId, ct);
        var names = linked.ToDictionary(l => l.Id.ToString(), l => l.Name);

        var episodes = chronology.Where(e => e.Type == "missing-reported").Select(r => Episode(r, chronology, names)).Reverse().ToList();
        var now = clock.GetUtcNow();
        var plan = chronology.LastOrDefault(e => e.Type == "trigger-plan") is { } p ? Plan(p, events.First(e => e.Id == p.Id).RecordedBy) : null;

        var places = episodes.Select(e => e.FoundLocation).Concat(episodes.Select(e => e.LastSeenLocation))
            .OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var associates = episodes.SelectMany(e => e.FoundWith).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        await audit.RecordNowAsync(actor, AuditActions.View, "missing-history", childId.ToString(), childId, $"{episodes.Count} episodes", ct: ct);
        return new ChildMissingHistory(child, episodes, episodes.Count(e => e.ReportedAt > now.AddDays(-90) && e.ReportedAt <= now), plan,
            places, associates, linked);
    }

    /// <summary>The history of the child in a missing report, with that episode.</summary>
    public async Task<(ChildMissingHistory History, MissingEpisode Episode)> EpisodeAsync(Actor actor, string missingEventId, CancellationToken ct = default)
    {
        var report = await db.Events.AsNoTracking().Include(e => e.People).FirstOrDefaultAsync(e => e.Id == missingEventId && e.Type == "missing-reported", ct);
        var childId = report?.People.FirstOrDefault(p => p.Role == "child")?.PersonId ?? throw new ProblemException(Problems.Problems.NotFound("missing episode"));
        var history = await ForChildAsync(actor, childId, ct);
        return (history, history.Episodes.Single(e => e.EventId == missingEventId));
    }

    private static MissingEpisode Episode(ChronologyEvent report, List<ChronologyEvent> all, Dictionary<string, string> names)
    {
        bool About(ChronologyEvent e) => e.Text("missingEventId") == report.Id;
        var located = all.FirstOrDefault(e => e.Type == "missing-located" && About(e));
        var interview = all.LastOrDefault(e => e.Type == "return-interview" && About(e));
        var foundWith = located is null ? [] : located.TextList("foundWith").Select(w => names.GetValueOrDefault(w, w))
            .Concat(located.People.Where(x => x.Role == "associate").Select(x => names.GetValueOrDefault(x.PersonId.ToString(), "")))
            .Where(s => s.Length > 0).Distinct().ToList();
        return new MissingEpisode(report.Id, report.OccurredAt, report.Text("riskGrade") ?? "", report.Text("reportedBy"),
            report.Data.TryGetProperty("lookedAfter", out var la) && la.ValueKind == System.Text.Json.JsonValueKind.True,
            Instant(report.Text("lastSeenAt")), report.Text("lastSeenLocation"), report.Text("circumstances"),
            located?.Id, located is null ? null : Instant(located.Text("locatedAt")) ?? located.OccurredAt, located?.Text("foundLocation"), foundWith,
            all.Any(e => e.Type == "safe-and-well-check" && About(e)),
            interview is null ? null
                : interview.Data.TryGetProperty("declined", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.True ? "declined"
                : interview.Text("heldAt") is not null ? "held" : "offered");
    }

    private static TriggerPlan Plan(ChronologyEvent e, string by) => new(e.Id, e.OccurredAt, by, e.Text("description"), e.Text("photoReference"),
        e.TextList("phones"), e.TextList("socialMedia"), e.Text("medical"), e.TextList("associates"), e.TextList("places"), e.Text("reviewDate"),
        e.Text("notes"));

    private static DateTimeOffset? Instant(string? text) => Recording.FieldKind.TryInstant(text, out var v) ? v : null;

    /// <summary>People linked to the child (relationships, and people in the child's events), for choosing who the child was found with.</summary>
    private async Task<IReadOnlyList<(Guid Id, string Name, string Link)>> LinkedPeopleAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        var related = await db.Relationships.AsNoTracking().Where(r => (r.PersonId == childId || r.OtherPersonId == childId) && r.End == null)
            .Select(r => new { Id = r.PersonId == childId ? r.OtherPersonId : r.PersonId, r.Kind }).ToListAsync(ct);
        var inEvents = await db.EventParticipants.AsNoTracking()
            .Where(p => p.PersonId != childId && db.EventParticipants.Any(c => c.EventId == p.EventId && c.PersonId == childId))
            .Select(p => new { Id = p.PersonId, Kind = p.Role }).ToListAsync(ct);
        var all = related.Concat(inEvents).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().Kind);
        var ids = all.Keys.ToList();
        var people = await access.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return people.OrderBy(p => p.Surname).ThenBy(p => p.Forename).Select(p => (p.Id, p.FullName, all[p.Id])).ToList();
    }
}
