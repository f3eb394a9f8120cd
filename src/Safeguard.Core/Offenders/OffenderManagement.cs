using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Offenders;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Offenders;

/// <summary>Reads offender management for people and partner systems (K1–K4): caseloads with visits due and overdue, the
/// caseload measure against SO4, and one offender's whole management. Offenders come from the offender cases
/// (<see cref="CaseTypes.Offender"/>), tasks from the rules. Only people the actor may see are listed; counts in the
/// caseload measure are numbers, not people. Every read is logged (P2).</summary>
public sealed class OffenderManagement(SafeguardDb db, PersonAccess access, AuditLog audit, ExplanationReader explanations, TimeProvider clock)
{
    private static readonly string[] TaskCodes = [OutputCodes.Tasks.OffenderVisit, OutputCodes.Tasks.OffenderNotification, OutputCodes.Tasks.AcknowledgeBriefing];

    /// <summary>True when the offender manager recorded on a case is this actor: their id (<c>user:jones</c>), user name or name.</summary>
    public static bool IsManagedBy(string? manager, Actor actor)
    {
        if (string.IsNullOrWhiteSpace(manager)) return false;
        var m = manager.Trim();
        var userName = actor.Id.StartsWith("user:", StringComparison.Ordinal) ? actor.Id[5..] : actor.Id;
        return string.Equals(m, actor.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(m, userName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m, actor.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Offenders on a caseload, overdue visits first, then soonest due. <paramref name="mine"/> limits the list to
    /// the actor's own caseload, <paramref name="manager"/> to a named manager's; <paramref name="overdueOnly"/> to overdue visits.</summary>
    public async Task<IReadOnlyList<OffenderRow>> ListAsync(Actor actor, bool mine, string? manager = null, bool overdueOnly = false, CancellationToken ct = default)
    {
        if (manager is { Length: > 200 }) throw new ProblemException(Problems.Problems.Invalid("manager", "must be 200 characters or fewer"));
        var now = clock.GetUtcNow();
        var cases = await OffenderCasesAsync(ct);
        var visible = await VisibleAsync(actor, cases.Select(c => c.OffenderId), ct);
        var chosen = cases.Where(c => visible.ContainsKey(c.OffenderId))
            .Where(c => !mine || IsManagedBy(c.Manager, actor))
            .Where(c => manager is null || string.Equals(c.Manager?.Trim(), manager.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var ids = chosen.Select(c => c.OffenderId).ToList();
        var tasks = (await db.Tasks.AsNoTracking()
                .Where(t => ids.Contains(t.PersonId) && TaskCodes.Contains(t.Code) && t.Status == Work.TaskStatus.Open).ToListAsync(ct))
            .Select(t => ProfileBuilder.TaskViewAt(t, now)).ToList();
        tasks = (await explanations.RenderAsync(actor, tasks, ct)).ToList();
        var rows = chosen.Select(c =>
        {
            var mineTasks = tasks.Where(t => t.PersonId == c.OffenderId).OrderBy(t => t.DueAt).ToList();
            return new OffenderRow(c.OffenderId, visible[c.OffenderId].FullName, c.RiskLevel, c.MappaCategory, c.MappaLevel, c.Manager, c.Unit,
                c.LastVisitAt, mineTasks.FirstOrDefault(t => t.Code == OutputCodes.Tasks.OffenderVisit),
                mineTasks.FirstOrDefault(t => t.Code == OutputCodes.Tasks.OffenderNotification));
        }).Where(r => !overdueOnly || r.VisitOverdue)
            .OrderBy(r => r.VisitOverdue ? 0 : 1).ThenBy(r => r.NextVisit?.DueAt ?? DateTimeOffset.MaxValue).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        await audit.RecordListNowAsync(actor, AuditActions.List, "offender-caseload", rows.Select(r => (Guid?)r.PersonId),
            $"{rows.Count} offenders{(mine ? ", my caseload" : manager is null ? "" : ", one manager's caseload")}", ct: ct);
        return rows;
    }

    /// <summary>K2, SO4: offenders per offender manager and per unit against <c>SO4.caseloadPerManager</c>, units over it first.</summary>
    public async Task<CaseloadReport> CaseloadsAsync(Actor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        int threshold = RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct)).CaseloadPerManager;
        // Only offenders the actor may see are counted: a restricted record (P1) is not revealed by a number either.
        var all = await OffenderCasesAsync(ct);
        var visible = await VisibleAsync(actor, all.Select(c => c.OffenderId), ct);
        var cases = all.Where(c => visible.ContainsKey(c.OffenderId)).ToList();
        var ids = cases.Select(c => c.OffenderId).ToList();
        var overdue = (await db.Tasks.AsNoTracking()
                .Where(t => ids.Contains(t.PersonId) && t.Code == OutputCodes.Tasks.OffenderVisit && t.Status == Work.TaskStatus.Open && t.DueAt < now)
                .Select(t => t.PersonId).ToListAsync(ct)).ToHashSet();
        var managers = cases.GroupBy(c => c.Manager?.Trim() is { Length: > 0 } m ? m : "Not allocated", StringComparer.OrdinalIgnoreCase)
            .Select(g => new ManagerCaseload(g.Key,
                g.GroupBy(c => c.Unit).OrderByDescending(u => u.Count()).ThenBy(u => u.Key, StringComparer.Ordinal).First().Key,
                g.Count(), g.Count(c => overdue.Contains(c.OffenderId)), threshold))
            .ToList();
        var units = managers.GroupBy(m => m.Unit)
            .Select(g => new UnitCaseload(g.Key, g.Sum(m => m.Offenders), g.Sum(m => m.OverdueVisits), threshold,
                g.OrderByDescending(m => m.Offenders).ThenBy(m => m.Manager, StringComparer.Ordinal).ToList()))
            .OrderBy(u => u.Over ? 0 : 1).ThenByDescending(u => u.OffendersPerManager).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        await audit.RecordNowAsync(actor, AuditActions.View, "measures", "offender-caseloads", detail: $"{cases.Count} offenders", ct: ct);
        return new CaseloadReport(threshold, units, now);
    }

    /// <summary>One offender's management; not found (404) when they are not visible or not registered.</summary>
    public async Task<OffenderView> GetAsync(Actor actor, Guid offenderId, CancellationToken ct = default)
    {
        var person = await access.GetVisibleAsync(actor, offenderId, ct);
        var now = clock.GetUtcNow();
        var rows = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => db.EventParticipants.Where(p => p.PersonId == offenderId).Select(p => p.EventId).Contains(e.Id))
            .ToListAsync(ct);
        var chronology = rows.Select(ChronologyEvent.From).Order(ChronologyEvent.Order).ToList();
        if (OffenderStanding.At(chronology, offenderId) is not { } standing) throw new ProblemException(Problems.Problems.NotFound("offender"));
        int months = standing.VisitMonths(RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct)));

        var otherIds = rows.SelectMany(e => e.People).Select(p => p.PersonId).Where(id => id != offenderId).Distinct().ToList();
        var visibleOthers = await access.Visible(actor).Where(p => otherIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        var byId = rows.ToDictionary(e => e.Id);
        OffenderEventView View(ChronologyEvent e)
        {
            var row = byId[e.Id];
            return new OffenderEventView(e.Id, e.Type, Vocabulary.Describe(e.Type), e.OccurredAt, row.RecordedBy, row.Unit, EventSummary.Of(e.Type, row.Data),
                row.People.Where(p => p.PersonId != offenderId && visibleOthers.ContainsKey(p.PersonId))
                    .Select(p => new ChronologyPerson(p.PersonId, visibleOthers[p.PersonId], p.Role)).ToList());
        }
        List<OffenderEventView> Of(params string[] types) =>
            chronology.Where(e => types.Contains(e.Type)).Reverse().Select(View).ToList();

        var acks = chronology.Where(e => e.Type == "offender-briefing-acknowledged").ToList();
        var briefings = chronology.Where(e => e.Type == "offender-briefing").Reverse().Select(b =>
        {
            var ack = acks.FirstOrDefault(a => a.Text("briefingEventId") == b.Id);
            return new BriefingView(b.Id, b.Text("team") ?? "", b.Text("summary") ?? "", b.OccurredAt, ack?.OccurredAt, ack is null ? null : byId[ack.Id].RecordedBy);
        }).ToList();

        var tasks = (await db.Tasks.AsNoTracking().Where(t => t.PersonId == offenderId && TaskCodes.Contains(t.Code)).ToListAsync(ct))
            .Select(t => ProfileBuilder.TaskViewAt(t, now)).Where(t => t.Status != Work.TaskStatus.Cancelled)
            .OrderBy(t => t.Status == Work.TaskStatus.Done ? 1 : 0).ThenBy(t => t.Status == Work.TaskStatus.Done ? -t.DueAt.ToUnixTimeSeconds() : t.DueAt.ToUnixTimeSeconds())
            .ToList();
        var alerts = (await db.Alerts.AsNoTracking()
                .Where(a => a.PersonId == offenderId && a.WithdrawnAt == null
                    && (a.Code == OutputCodes.Alerts.OffenderContactWithChild || a.Code == OutputCodes.Alerts.OffenderSighting || a.Code == OutputCodes.Alerts.OffenderNotificationLate))
                .OrderByDescending(a => a.EffectiveAt).ToListAsync(ct))
            .Select(AlertView.Of).ToList();
        var flags = FlagViews.Tags(await db.Flags.AsNoTracking().Where(f => f.PersonId == offenderId).ToListAsync(ct));

        audit.Record(actor, AuditActions.View, "offender", offenderId.ToString(), offenderId);
        // The people named on the offender's events are shown by name too.
        audit.RecordPeople(actor, AuditActions.View, "offender-linked", visibleOthers.Keys.Select(k => (Guid?)k), $"named on offender {offenderId}'s record");
        await db.SaveChangesAsync(ct);
        var latestPlan = standing.Plan ?? standing.Registration;
        return new OffenderView(ProfileBuilder.ToView(person, Calendar.SafeguardCalendar.LondonDate(now)), flags, standing.RiskLevel,
            standing.MappaCategory, standing.MappaLevel, standing.Manager, months, standing.PlanVisitMonths is not null, standing.NoFixedAbode,
            standing.Registration.OccurredAt, standing.Registration.Text("notificationPeriod"),
            latestPlan.Text("summary") ?? latestPlan.Text("notes"),
            await explanations.RenderAsync(actor, tasks, ct),
            Of("offender-visit"), Of("offender-registered", "offender-notification"), briefings,
            Of("offender-sighting", "offender-contact-with-child", "offender-address-link"),
            await explanations.RenderAsync(actor, alerts, ct));
    }

    /// <summary>D3: the registered sex offenders linked to a child (in any of the child's events, an address match
    /// among them), for the child's profile. Only offenders the actor may see, for roles that may see offenders.</summary>
    public async Task<IReadOnlyList<LinkedOffenderView>> LinkedToAsync(Actor actor, Guid childId, IReadOnlyList<Event> childEvents, CancellationToken ct = default)
    {
        if (!Roles.SeeOffenders.Contains(actor.Role)) return [];
        var others = childEvents.SelectMany(e => e.People).Select(p => p.PersonId).Where(id => id != childId).Distinct().ToList();
        if (others.Count == 0) return [];
        var registered = await db.EventParticipants.AsNoTracking()
            .Where(p => others.Contains(p.PersonId) && p.Role == "offender")
            .Join(db.Events.Where(e => e.Type == "offender-registered"), p => p.EventId, e => e.Id, (p, e) => p.PersonId)
            .Distinct().ToListAsync(ct);
        if (registered.Count == 0) return [];
        var cases = (await OffenderCasesAsync(ct, registered)).ToDictionary(c => c.OffenderId);
        var visible = await VisibleAsync(actor, registered, ct);
        return registered.Where(visible.ContainsKey).Select(id =>
        {
            var shared = childEvents.Where(e => e.People.Any(p => p.PersonId == id)).OrderBy(e => e.OccurredAt).ToList();
            var c = cases.GetValueOrDefault(id);
            return new LinkedOffenderView(id, visible[id].FullName, c?.RiskLevel ?? "low", c?.Manager, shared.Select(e => e.Id).ToList(),
                shared.Select(e => e.Type == "offender-address-link" ? "Lives at the child's address" : Vocabulary.Describe(e.Type)).Distinct().ToList());
        }).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    private sealed record OffenderCase(Guid OffenderId, string RiskLevel, string? MappaCategory, string? MappaLevel, string? Manager, string Unit,
        DateTimeOffset? LastVisitAt);

    /// <summary>The offender cases, all or those of <paramref name="only"/> (found by their stream, which is indexed by person).</summary>
    private async Task<List<OffenderCase>> OffenderCasesAsync(CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.Type == CaseTypes.Offender);
        if (only is not null)
        {
            var streams = only.Select(id => CaseStreams.Key(CaseTypes.Offender, id.ToString())).ToList();
            query = query.Where(c => streams.Contains(c.Stream));
        }
        var rows = await query.Select(c => new { c.Fields, c.Team }).ToListAsync(ct);
        return rows.Select(r =>
        {
            using var doc = JsonDocument.Parse(r.Fields);
            var f = doc.RootElement;
            string? S(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new OffenderCase(Guid.Parse(S("offenderId")!), S("riskLevel") ?? "low", S("mappaCategory"), S("mappaLevel"), S("offenderManager"),
                r.Team ?? "", S("lastVisitAt") is { } at ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : null);
        }).ToList();
    }

    private async Task<Dictionary<Guid, Person>> VisibleAsync(Actor actor, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await access.Visible(actor).AsNoTracking().Where(p => list.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }
}
