using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Missing;

/// <summary>One missing episode as the missing pages show it: the one model (<see cref="Rules.Missing.MissingEpisode"/>)
/// with the people the child was found with named.</summary>
public sealed record MissingEpisodeEntry(Rules.Missing.MissingEpisode Model, IReadOnlyList<string> FoundWith)
{
    public string EventId => Model.Id;
    public DateTimeOffset ReportedAt => Model.ReportedAt;
    public string RiskGrade => Model.RiskGrade;
    public string? ReportedBy => Model.ReportedBy;
    public bool LookedAfter => Model.LookedAfter;
    public DateTimeOffset? LastSeenAt => Model.LastSeenAt;
    public string? LastSeenLocation => Model.LastSeenLocation;
    public string? Circumstances => Model.Circumstances;
    public string? LocatedEventId => Model.Located?.Id;
    public DateTimeOffset? LocatedAt => Model.LocatedAt;
    public string? FoundLocation => Model.FoundLocation;
    public bool SafeAndWellDone => Model.SafeAndWellDone;
    public string? ReturnInterview => Model.ReturnInterview;
    public string Status => Model.Status;
}

/// <summary>The current trigger plan (the latest <c>trigger-plan</c> event): what finds the child quickly (F4, MI6).</summary>
public sealed record TriggerPlan(string EventId, DateTimeOffset RecordedAt, string RecordedBy, string? Description, string? PhotoReference,
    IReadOnlyList<string> Phones, IReadOnlyList<string> SocialMedia, string? Medical, IReadOnlyList<string> Associates,
    IReadOnlyList<string> Places, string? ReviewDate, string? Notes);

/// <summary>Everything the control room needs when a child is reported missing again (F2): every episode over
/// the whole history (newest first), the count in the last 90 days, the trigger plan, and the places and
/// associates earlier episodes suggest for a plan (F4).</summary>
public sealed record ChildMissingHistory(Person Child, IReadOnlyList<MissingEpisodeEntry> Episodes, int Last90Days, TriggerPlan? Plan,
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

        var episodes = Rules.Missing.MissingEpisodes.All(chronology, childId).Select(e => Entry(e, names)).Reverse().ToList();
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
    public async Task<(ChildMissingHistory History, MissingEpisodeEntry Episode)> EpisodeAsync(Actor actor, string missingEventId, CancellationToken ct = default)
    {
        var report = await db.Events.AsNoTracking().Include(e => e.People).FirstOrDefaultAsync(e => e.Id == missingEventId && e.Type == "missing-reported", ct);
        var childId = report?.People.FirstOrDefault(p => p.Role == "child")?.PersonId ?? throw new ProblemException(Problems.Problems.NotFound("missing episode"));
        var history = await ForChildAsync(actor, childId, ct);
        return (history, history.Episodes.Single(e => e.EventId == missingEventId));
    }

    private static MissingEpisodeEntry Entry(Rules.Missing.MissingEpisode episode, Dictionary<string, string> names) =>
        new(episode, episode.FoundWithPeople.Select(id => names.GetValueOrDefault(id.ToString(), "")).Where(n => n.Length > 0)
            .Concat(episode.FoundWithNames).Distinct().ToList());

    private static TriggerPlan Plan(ChronologyEvent e, string by) => new(e.Id, e.OccurredAt, by, e.Text("description"), e.Text("photoReference"),
        e.TextList("phones"), e.TextList("socialMedia"), e.Text("medical"), e.TextList("associates"), e.TextList("places"), e.Text("reviewDate"),
        e.Text("notes"));

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
