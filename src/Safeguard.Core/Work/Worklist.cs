using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;

namespace Safeguard.Core.Work;

/// <summary>What a worklist asks for. Every part is optional; <see cref="Status"/> is open, done or overdue;
/// <see cref="Assigned"/> is mine (assigned to me by name) or team (assigned to my team); <see cref="Sort"/> is raised
/// (newest raised first, the default, API.md) or due (overdue first, the most recently overdue first, then soonest due).</summary>
public sealed record WorkFilter(string? Status = null, string? Code = null, string? Team = null, Guid? PersonId = null,
    string? Assigned = null, string? Sort = null, int Page = 1, int PageSize = Worklist.DefaultPageSize);

/// <summary>One page of a list and the true number of items in the whole list.</summary>
public sealed record WorkPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A task with the name of the person it is about (so a list can link to the profile), the version a decision
/// names, who it is assigned to by name, and what was done when it was completed by hand.</summary>
public sealed record WorklistTask(TaskView Task, string PersonName, int Version = 1, string? AssignedUser = null,
    string? CompletedBy = null, string? CompletionNote = null);

public sealed record WorklistAlert(AlertView Alert, string PersonName, int Version = 1, DateTimeOffset? AcknowledgedAt = null,
    string? AcknowledgedBy = null, string? AcknowledgeNote = null);

/// <summary>The lists supervisors, the control room and the missing persons coordinator work from (E, I8), a page
/// at a time with the true total: tasks newest raised first (or overdue first) and alerts newest first, limited to
/// people the actor may see. Overdue is judged against the clock now, never stored. Reading a list is logged (P2).</summary>
public sealed class Worklist(SafeguardDb db, PersonAccess access, AuditLog audit, ExplanationReader explanations, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    private static readonly string[] Statuses = [TaskStatus.Open, TaskStatus.Done, TaskStatus.Overdue];
    private static readonly string[] Assignments = ["mine", "team"];
    private static readonly string[] Sorts = ["raised", "due"];

    public async Task<WorkPage<WorklistTask>> TasksAsync(Actor actor, WorkFilter filter, CancellationToken ct = default)
    {
        if (filter.Status is { } s && !Statuses.Contains(s))
            throw new ProblemException(Problems.Problems.Invalid("status", $"must be one of: {string.Join(", ", Statuses)}"));
        if (filter.Assigned is { } a && !Assignments.Contains(a))
            throw new ProblemException(Problems.Problems.Invalid("assigned", "must be mine or team"));
        if (filter.Sort is { } o && !Sorts.Contains(o))
            throw new ProblemException(Problems.Problems.Invalid("sort", "must be raised or due"));
        var (page, size) = Paging(filter.Page, filter.PageSize);
        var now = clock.GetUtcNow();
        var q = db.Tasks.AsNoTracking().Where(t => access.Visible(actor).Any(p => p.Id == t.PersonId));
        if (!string.IsNullOrWhiteSpace(filter.Code)) q = q.Where(t => t.Code == filter.Code);
        if (!string.IsNullOrWhiteSpace(filter.Team)) q = q.Where(t => t.AssignedTo == filter.Team);
        if (filter.PersonId is { } id) q = q.Where(t => t.PersonId == id);
        if (filter.Assigned == "mine")
        {
            var me = actor.Id.StartsWith("user:", StringComparison.Ordinal) ? actor.Id[5..] : actor.Id;
            q = q.Where(t => t.AssignedUser == me);
        }
        else if (filter.Assigned == "team")
        {
            // A user's team is a force team ("NMR-MISS"); rules assign to a kind of team ("missing-persons"): both count.
            var kind = actor.Team is null ? null : await db.Teams.AsNoTracking().Where(t => t.Code == actor.Team).Select(t => t.Kind).FirstOrDefaultAsync(ct);
            var mine = new[] { actor.Team ?? "", RuleTeamOf(kind) ?? "" }.Where(c => c.Length > 0).Distinct().ToList();
            q = q.Where(t => mine.Contains(t.AssignedTo));
        }
        q = filter.Status == TaskStatus.Done ? q.Where(t => t.Status == TaskStatus.Done) : q.Where(t => t.Status == TaskStatus.Open);
        if (filter.Status == TaskStatus.Overdue) q = q.Where(t => t.DueAt < now);
        else if (filter.Status == TaskStatus.Open) q = q.Where(t => t.DueAt >= now);

        var total = await q.CountAsync(ct);
        var skip = (page - 1) * size;
        List<WorkTask> rows;
        if (filter.Status == TaskStatus.Done)
            rows = await q.OrderByDescending(t => t.ClosedAt).ThenBy(t => t.Id).Skip(skip).Take(size).ToListAsync(ct);
        else if (filter.Sort == "due")
        {
            // Overdue first, the most recently overdue first (a task overdue for a year should not bury one that fell
            // overdue this morning), then open tasks, soonest due first. The database orders and pages (instants are
            // stored as comparable UTC values on both providers).
            var overdue = q.Where(t => t.DueAt < now);
            var overdueCount = await overdue.CountAsync(ct);
            rows = skip < overdueCount
                ? await overdue.OrderByDescending(t => t.DueAt).ThenBy(t => t.Id).Skip(skip).Take(size).ToListAsync(ct)
                : [];
            if (rows.Count < size)
                rows.AddRange(await q.Where(t => t.DueAt >= now).OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                    .Skip(Math.Max(0, skip - overdueCount)).Take(size - rows.Count).ToListAsync(ct));
        }
        else rows = await q.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.DueAt).ThenBy(t => t.Id).Skip(skip).Take(size).ToListAsync(ct);

        var byId = rows.ToDictionary(t => t.Id);
        var views = await explanations.RenderAsync(actor, rows.Select(t => Profiles.ProfileBuilder.TaskViewAt(t, now)).ToList(), ct);
        var names = await NamesAsync(views.Select(v => v.PersonId), ct);
        await audit.RecordListNowAsync(actor, AuditActions.List, "tasks", views.Select(v => (Guid?)v.PersonId), $"{views.Count} of {total} tasks, page {page}", ct: ct);
        var items = views.Select(v =>
        {
            var row = byId[v.Id];
            return new WorklistTask(v, names.GetValueOrDefault(v.PersonId, ""), row.Version, row.AssignedUser, row.CompletedBy, row.CompletionNote);
        }).ToList();
        return new WorkPage<WorklistTask>(items, total, page, size);
    }

    public async Task<WorkPage<WorklistAlert>> AlertsAsync(Actor actor, string? audience, string? code, int page = 1,
        int pageSize = DefaultPageSize, bool unacknowledgedOnly = false, CancellationToken ct = default)
    {
        var (p, size) = Paging(page, pageSize);
        var q = db.Alerts.AsNoTracking().Where(a => a.WithdrawnAt == null && access.Visible(actor).Any(x => x.Id == a.PersonId));
        if (!string.IsNullOrWhiteSpace(audience)) q = q.Where(a => a.Audience == audience);
        if (!string.IsNullOrWhiteSpace(code)) q = q.Where(a => a.Code == code);
        if (unacknowledgedOnly) q = q.Where(a => a.AcknowledgedAt == null);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var byId = rows.ToDictionary(a => a.Id);
        IReadOnlyList<AlertView> views = rows.Select(AlertView.Of).ToList();
        views = await explanations.RenderAsync(actor, views, ct);
        var names = await NamesAsync(views.Select(v => v.PersonId), ct);
        await audit.RecordListNowAsync(actor, AuditActions.List, "alerts", views.Select(v => (Guid?)v.PersonId), $"{views.Count} of {total} alerts, page {p}", ct: ct);
        var items = views.Select(v =>
        {
            var row = byId[v.Id];
            return new WorklistAlert(v, names.GetValueOrDefault(v.PersonId, ""), row.Version, row.AcknowledgedAt, row.AcknowledgedBy, row.AcknowledgeNote);
        }).ToList();
        return new WorkPage<WorklistAlert>(items, total, p, size);
    }

    /// <summary>The team a rule assigns to (Rules.Teams) for a kind of force team, if there is one.</summary>
    public static string? RuleTeamOf(string? kind) => kind switch
    {
        "response" => Rules.Teams.Response,
        "mash" => Rules.Teams.Mash,
        "missing" => Rules.Teams.MissingPersons,
        "specialist-child-abuse" => Rules.Teams.Investigation,
        "custody" => Rules.Teams.Custody,
        "offender-management" => Rules.Teams.OffenderManagement,
        _ => null,
    };

    /// <summary>When the actor last marked their worklist as seen (null: never); items raised later are new to them.</summary>
    public async Task<DateTimeOffset?> SeenAtAsync(Actor actor, CancellationToken ct = default) =>
        (await db.WorklistLooks.AsNoTracking().FirstOrDefaultAsync(l => l.ActorId == actor.Id, ct))?.SeenAt;

    /// <summary>Marks everything raised so far as seen by the actor.</summary>
    public async Task MarkSeenAsync(Actor actor, CancellationToken ct = default)
    {
        var look = await db.WorklistLooks.FirstOrDefaultAsync(l => l.ActorId == actor.Id, ct);
        if (look is null) db.WorklistLooks.Add(look = new WorklistLook { ActorId = actor.Id });
        look.SeenAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A page number from 1 and a page size from 1 to <see cref="MaxPageSize"/>; anything else is a 400.</summary>
    public static (int Page, int Size) Paging(int page, int pageSize)
    {
        if (page < 1) throw new ProblemException(Problems.Problems.Invalid("page", "must be 1 or more"));
        if (pageSize is < 1 or > MaxPageSize) throw new ProblemException(Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxPageSize}"));
        return (page, pageSize);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id, p => p.FullName);
    }
}
