using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;

namespace Safeguard.Core.Work;

/// <summary>What a worklist asks for. Every part is optional; <see cref="Status"/> is open, done or overdue.</summary>
public sealed record WorkFilter(string? Status = null, string? Code = null, string? Team = null, Guid? PersonId = null);

/// <summary>A task or alert with the name of the person it is about, so a list can link to the profile.</summary>
public sealed record WorklistTask(TaskView Task, string PersonName);

public sealed record WorklistAlert(AlertView Alert, string PersonName);

/// <summary>The lists supervisors, the control room and the missing persons coordinator work from (E, I8):
/// tasks newest risk first (overdue first, most recently overdue first; then open, soonest due) and alerts newest first, limited to people the
/// actor may see. Overdue is judged against the clock now, never stored. Reading a list is logged (P2).</summary>
public sealed class Worklist(SafeguardDb db, PersonAccess access, AuditLog audit, ExplanationReader explanations, TimeProvider clock)
{
    public const int Limit = 500;
    private static readonly string[] Statuses = [TaskStatus.Open, TaskStatus.Done, TaskStatus.Overdue];

    public async Task<IReadOnlyList<WorklistTask>> TasksAsync(Actor actor, WorkFilter filter, CancellationToken ct = default)
    {
        if (filter.Status is { } s && !Statuses.Contains(s))
            throw new ProblemException(Problems.Problems.Invalid("status", $"must be one of: {string.Join(", ", Statuses)}"));
        var now = clock.GetUtcNow();
        var q = db.Tasks.AsNoTracking().Where(t => access.Visible(actor).Any(p => p.Id == t.PersonId));
        if (!string.IsNullOrWhiteSpace(filter.Code)) q = q.Where(t => t.Code == filter.Code);
        if (!string.IsNullOrWhiteSpace(filter.Team)) q = q.Where(t => t.AssignedTo == filter.Team);
        if (filter.PersonId is { } id) q = q.Where(t => t.PersonId == id);
        q = filter.Status == TaskStatus.Done ? q.Where(t => t.Status == TaskStatus.Done) : q.Where(t => t.Status == TaskStatus.Open);
        if (filter.Status == TaskStatus.Overdue) q = q.Where(t => t.DueAt < now);
        else if (filter.Status == TaskStatus.Open) q = q.Where(t => t.DueAt >= now);

        // Newest risk first: overdue tasks, the most recently overdue first (a task overdue for a year should
        // not bury one that fell overdue this morning), then open tasks, soonest due first. The database orders
        // and limits (instants are stored as comparable UTC values on both providers).
        List<WorkTask> rows;
        if (filter.Status == TaskStatus.Done)
            rows = await q.OrderByDescending(t => t.ClosedAt).ThenBy(t => t.Id).Take(Limit).ToListAsync(ct);
        else
        {
            rows = await q.Where(t => t.DueAt < now).OrderByDescending(t => t.DueAt).ThenBy(t => t.Id).Take(Limit).ToListAsync(ct);
            if (rows.Count < Limit)
                rows.AddRange(await q.Where(t => t.DueAt >= now).OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(Limit - rows.Count).ToListAsync(ct));
        }
        var views = await explanations.RenderAsync(actor, rows.Select(t => Profiles.ProfileBuilder.TaskViewAt(t, now)).ToList(), ct);
        var names = await NamesAsync(views.Select(v => v.PersonId), ct);
        await audit.RecordNowAsync(actor, AuditActions.Search, "tasks", detail: $"{views.Count} tasks", ct: ct);
        return views.Select(v => new WorklistTask(v, names.GetValueOrDefault(v.PersonId, ""))).ToList();
    }

    public async Task<IReadOnlyList<WorklistAlert>> AlertsAsync(Actor actor, string? audience, string? code, CancellationToken ct = default)
    {
        var q = db.Alerts.AsNoTracking().Where(a => a.WithdrawnAt == null && access.Visible(actor).Any(p => p.Id == a.PersonId));
        if (!string.IsNullOrWhiteSpace(audience)) q = q.Where(a => a.Audience == audience);
        if (!string.IsNullOrWhiteSpace(code)) q = q.Where(a => a.Code == code);
        IReadOnlyList<AlertView> views = (await q.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).Take(Limit).ToListAsync(ct))
            .Select(AlertView.Of).ToList();
        views = await explanations.RenderAsync(actor, views, ct);
        var names = await NamesAsync(views.Select(v => v.PersonId), ct);
        await audit.RecordNowAsync(actor, AuditActions.Search, "alerts", detail: $"{views.Count} alerts", ct: ct);
        return views.Select(v => new WorklistAlert(v, names.GetValueOrDefault(v.PersonId, ""))).ToList();
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.People.AsNoTracking().Where(p => list.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id, p => p.FullName);
    }
}
