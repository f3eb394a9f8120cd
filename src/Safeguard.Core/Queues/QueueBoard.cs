using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Derivation;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Queues;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Queues;

/// <summary>I3, I4: the digital forensic requests and charging files, each a case (<see cref="CaseTypes.ForensicRequest"/>,
/// <see cref="CaseTypes.ChargingFile"/>), read as a queue: priority from the child's risk (<see cref="QueuePriority.Assess"/>,
/// the same function the rules use), age, target from the settings (IN2, IN3), whether overdue, and waiting-time
/// figures. Only items whose people the actor may all see; reading is logged (P2).</summary>
public sealed class QueueBoard(SafeguardDb db, PersonAccess access, AuditLog audit, ExplanationReader explanations, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public async Task<QueuePage> ReadAsync(Actor actor, QueueFilter filter, CancellationToken ct = default)
    {
        var kind = QueueKinds.Find(filter.Kind);
        var errors = new Dictionary<string, string[]>();
        if (kind is null) errors["kind"] = [$"must be one of: {string.Join(", ", QueueKinds.All.Select(k => k.Name))}"];
        if (filter.Status is not (null or "waiting" or "done" or "all")) errors["status"] = ["must be waiting, done or all"];
        if (filter.Page < 1) errors["page"] = ["must be 1 or more"];
        if (filter.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"must be between 1 and {MaxPageSize}"];
        if (filter.Days is < 1 or > 3660) errors["days"] = ["must be between 1 and 3660"];
        if (filter.Team is { Length: > 100 }) errors["team"] = ["must be 100 characters or fewer"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.Forbidden("Your role may not see the queues."));

        var now = clock.GetUtcNow();
        var since = now.AddDays(-filter.Days);
        var visible = access.Visible(actor);
        var query = db.Cases.AsNoTracking().Where(c => c.Type == kind!.CaseType && c.People.All(p => visible.Any(v => v.Id == p.PersonId)))
            .Where(c => c.ClosedAt == null || c.ClosedAt >= since);
        if (filter.Team is not null) query = query.Where(c => c.Team == filter.Team);
        var cases = await query.Include(c => c.People).AsSplitQuery().ToListAsync(ct);
        var loader = new HistoryLoader(db);
        var settings = await loader.SettingsAsync(ct);
        var entries = await EntriesAsync(actor, kind!, cases, settings, await loader.CalendarAsync(ct), now, ct);

        var figures = Figures(entries, now);
        var shown = (filter.Status ?? "waiting") switch
        {
            "waiting" => entries.Where(e => e.ClosedAt is null)
                .OrderByDescending(e => e.Overdue).ThenByDescending(e => e.Priority == QueuePriority.HighCode).ThenBy(e => e.OpenedAt),
            "done" => entries.Where(e => e.ClosedAt is not null).OrderByDescending(e => e.ClosedAt),
            _ => entries.OrderBy(e => e.ClosedAt is not null).ThenByDescending(e => e.Overdue)
                .ThenByDescending(e => e.Priority == QueuePriority.HighCode).ThenBy(e => e.OpenedAt),
        };
        var all = shown.ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var page = all.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        foreach (var p in page.SelectMany(e => e.Children.Select(c => c.PersonId)).Distinct())
            audit.Record(actor, AuditActions.List, kind!.CaseType, null, p, $"{kind.Title}");
        audit.Record(actor, AuditActions.List, kind!.CaseType, detail: $"{kind.Title}: {all.Count} items, {figures.Overdue} overdue");
        await db.SaveChangesAsync(ct);
        return new QueuePage(kind.Name, kind.Title, page, filter.Page, filter.PageSize, all.Count, figures, filter.Days,
            kind.TargetDays(settings, false), kind.TargetDays(settings, true));
    }

    /// <summary>Waiting now, overdue now, the longest current wait; and of the items finished in the period, the median and
    /// longest wait and the share finished within target.</summary>
    public static QueueFigures Figures(IReadOnlyList<QueueEntry> entries, DateTimeOffset now)
    {
        var waiting = entries.Where(e => e.ClosedAt is null).ToList();
        var done = entries.Where(e => e.ClosedAt is not null).ToList();
        var waits = done.Select(e => e.WaitDays(now)).Order().ToList();
        double? median = waits.Count == 0 ? null : waits.Count % 2 == 1 ? waits[waits.Count / 2] : (waits[waits.Count / 2 - 1] + waits[waits.Count / 2]) / 2;
        return new QueueFigures(waiting.Count, waiting.Count(e => e.Overdue), waiting.Count(e => e.Priority == QueuePriority.HighCode),
            waiting.Count == 0 ? null : Math.Round(waiting.Max(e => e.WaitDays(now)), 1),
            done.Count, median is null ? null : Math.Round(median.Value, 1), waits.Count == 0 ? null : Math.Round(waits[^1], 1),
            done.Count == 0 ? null : (int)Math.Round(100.0 * done.Count(e => e.ClosedAt <= e.DueAt) / done.Count));
    }

    private async Task<List<QueueEntry>> EntriesAsync(Actor actor, QueueKind kind, List<Case> cases, RuleSettings settings,
        Calendar.SafeguardCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var fields = cases.ToDictionary(c => (c.Type, c.Id), c => JsonDocument.Parse(c.Fields).RootElement.Clone());
        var eventIds = cases.SelectMany(c => JsonSerializer.Deserialize<List<string>>(c.EventIds) ?? []).Distinct().ToList();
        var opening = (await db.Events.AsNoTracking().Include(e => e.People)
                .Where(e => eventIds.Contains(e.Id) && e.Type == kind.OpeningType).ToListAsync(ct))
            .Select(ChronologyEvent.From).ToList();
        var children = opening.SelectMany(QueuePriority.ChildrenIn).Distinct().ToList();
        var graded = QueuePriority.GradedTypes.ToList();
        var gradedEvents = (await db.Events.AsNoTracking().Include(e => e.People)
                .Where(e => graded.Contains(e.Type) && e.People.Any(p => children.Contains(p.PersonId))).ToListAsync(ct))
            .Select(ChronologyEvent.From).ToList();
        var flags = (await db.Flags.AsNoTracking().Where(f => children.Contains(f.PersonId)).ToListAsync(ct))
            .ToLookup(f => f.PersonId, f => new FlagFact(f.Code, f.Status, f.Since));
        var names = await db.People.AsNoTracking().Where(p => children.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);

        var raw = new List<(Case Case, ChronologyEvent? Open, QueuePriority Priority)>();
        foreach (var c in cases)
        {
            var ids = JsonSerializer.Deserialize<List<string>>(c.EventIds) ?? [];
            var open = opening.Where(e => ids.Contains(e.Id)).OrderBy(e => e, ChronologyEvent.Order).FirstOrDefault();
            var priority = open is null ? QueuePriority.Standard
                : QueuePriority.ChildrenIn(open).Select(child => QueuePriority.Assess(open, child, gradedEvents, flags[child]))
                    .FirstOrDefault(p => p.High) ?? QueuePriority.Standard;
            raw.Add((c, open, priority));
        }
        var text = await explanations.ForAsync(actor, raw.SelectMany(r => r.Priority.Reasons), ct);
        return raw.Select(r =>
        {
            var f = fields[(r.Case.Type, r.Case.Id)];
            int days = kind.TargetDays(settings, r.Priority.High);
            var due = calendar.AddCalendarDays(r.Case.OpenedAt, days);
            var kids = (r.Open is null ? [] : QueuePriority.ChildrenIn(r.Open))
                .Select(id => new QueuePerson(id, names.GetValueOrDefault(id, ""))).ToList();
            return new QueueEntry(r.Case.Id, kind.Name, r.Case.Status, r.Case.OpenedAt, r.Case.ClosedAt, r.Case.Team, kids, r.Priority.Code,
                r.Priority.Reasons.Select(text.Render).ToList(), days, due, r.Case.ClosedAt is null && due < now,
                Str(f, "investigationId"), Str(f, kind.SubjectField), Str(f, kind.OutcomeField), Str(f, "requestedPriority"));
        }).ToList();
    }

    private static string? Str(JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
