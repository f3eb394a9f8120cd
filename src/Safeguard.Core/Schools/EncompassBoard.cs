using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Work;
using TaskStatus = Safeguard.Core.Work.TaskStatus;

namespace Safeguard.Core.Schools;

/// <summary>One child's Operation Encompass notification after a domestic abuse incident (H2): sent or not, by when, to
/// which school and key adult.</summary>
public sealed record EncompassRow(Guid TaskId, Guid PersonId, string Name, string? IncidentEventId, DateTimeOffset DueAt, string Status,
    DateTimeOffset? SentAt, string? SchoolCode, string? SchoolName, string? KeyAdult)
{
    public bool Sent => Status == TaskStatus.Done;
}

/// <summary>What the Operation Encompass notification form starts from: the child, the incident and the school last known.</summary>
public sealed record EncompassStart(Guid PersonId, string Name, string? IncidentEventId, DateTimeOffset? IncidentAt, School? School);

/// <summary>Operation Encompass at a glance (DA4, H2): the notifications still to send (overdue first) and those sent, with
/// the school and key adult named. Reads the <c>operation-encompass</c> tasks the rules raise and the events that closed them.</summary>
public sealed class EncompassBoard(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    /// <summary>Notifications due or sent in the last <paramref name="days"/> days for people the actor may see: not sent
    /// first (soonest due first), then sent (latest first).</summary>
    public async Task<IReadOnlyList<EncompassRow>> ListAsync(Actor actor, int days = 28, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var since = now.AddDays(-days);
        var visible = access.Visible(actor).Select(p => p.Id);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Code == OutputCodes.Tasks.OperationEncompass && t.CancelledAt == null && visible.Contains(t.PersonId)
                && (t.Status == TaskStatus.Open || t.DueAt >= since))
            .ToListAsync(ct);
        var people = tasks.Select(t => t.PersonId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);
        var closers = tasks.Where(t => t.ClosedByEventId != null).Select(t => t.ClosedByEventId!).ToList();
        var sent = await db.Events.AsNoTracking().Where(e => closers.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Data, ct);
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, ct);
        var rows = tasks.Select(t =>
        {
            string? school = null, keyAdult = null;
            DateTimeOffset? sentAt = null;
            if (t.ClosedByEventId is { } id && sent.TryGetValue(id, out var data))
            {
                var d = JsonDocument.Parse(data).RootElement;
                school = Str(d, "school");
                keyAdult = Str(d, "keyAdult");
                sentAt = Str(d, "notifiedAt") is { } at && DateTimeOffset.TryParse(at, out var v) ? v : t.ClosedAt;
            }
            var known = school is null ? null : schools.GetValueOrDefault(school);
            return new EncompassRow(t.Id, t.PersonId, names.GetValueOrDefault(t.PersonId, ""), t.EventIds.FirstOrDefault(), t.DueAt, t.StatusAt(now),
                sentAt ?? (t.Status == TaskStatus.Done ? t.ClosedAt : null), school, known?.Name ?? school, keyAdult ?? known?.KeyAdultName);
        }).ToList();
        foreach (var p in people) audit.Record(actor, AuditActions.List, "operation-encompass", null, p);
        await db.SaveChangesAsync(ct);
        return rows.Where(r => !r.Sent).OrderBy(r => r.DueAt)
            .Concat(rows.Where(r => r.Sent).OrderByDescending(r => r.SentAt)).ToList();
    }

    /// <summary>The child (404 when not visible), the incident and the school to start the form from: the one named for the
    /// child in the incident, else the one of their last notification.</summary>
    public async Task<EncompassStart> StartAsync(Actor actor, Guid personId, string? incidentEventId, CancellationToken ct = default)
    {
        var person = await access.GetVisibleAsync(actor, personId, ct);
        string? school = null;
        DateTimeOffset? incidentAt = null;
        if (incidentEventId is not null)
        {
            var incident = await db.Events.AsNoTracking().Where(e => e.Id == incidentEventId && e.Type == "incident" && e.People.Any(p => p.PersonId == personId))
                .Select(e => new { e.OccurredAt, e.Data }).FirstOrDefaultAsync(ct);
            if (incident is null) incidentEventId = null;
            else
            {
                incidentAt = incident.OccurredAt;
                var d = JsonDocument.Parse(incident.Data).RootElement;
                if (d.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
                    school = children.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object && Str(c, "personId") is { } id
                        && Guid.TryParse(id, out var g) && g == personId).Select(c => Str(c, "school")).FirstOrDefault();
            }
        }
        if (school is null)
        {
            var last = await db.Events.AsNoTracking().Where(e => e.Type == "operation-encompass" && e.People.Any(p => p.PersonId == personId))
                .OrderByDescending(e => e.OccurredAt).Select(e => e.Data).FirstOrDefaultAsync(ct);
            if (last is not null) school = Str(JsonDocument.Parse(last).RootElement, "school");
        }
        var known = school is null ? null : await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Code == school, ct);
        return new EncompassStart(personId, $"{person.Forename} {person.Surname}".Trim(), incidentEventId, incidentAt, known);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
