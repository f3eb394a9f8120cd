using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Investigations;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Investigations;

/// <summary>What a list of investigations is filtered by; every part optional. Status is open, allocated or closed.</summary>
public sealed record InvestigationFilter(string? Team = null, string? Status = null, int Page = 1, int PageSize = 25);

/// <summary>Reads investigations (I1, I2, B3) from the investigation cases: lists by team and status, one investigation
/// whole, the allocation advice, and the investigations whose supervisory review is due or overdue, by team (for the
/// supervisor's workbench). An investigation is visible only when everyone in it is visible to the reader; otherwise it
/// answers as not found. Every read is logged (P2). Recording is through <see cref="EventService"/>, as for every event.</summary>
public sealed class InvestigationService(SafeguardDb db, PersonAccess access, AuditLog audit, ActorNames names, ExplanationReader explanations,
    TeamAdministration teams, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public static readonly IReadOnlyList<string> Statuses = ["open", "allocated", "closed"];

    public async Task<InvestigationList> ListAsync(Actor actor, InvestigationFilter filter, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Status is not null && !Statuses.Contains(filter.Status)) errors["status"] = [$"must be one of: {string.Join(", ", Statuses)}"];
        if (filter.Team is { Length: > 100 }) errors["team"] = ["must be 100 characters or fewer"];
        if (filter.Page < 1) errors["page"] = ["must be 1 or more"];
        if (filter.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"must be from 1 to {MaxPageSize}"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var query = Visible(actor);
        if (filter.Team is not null) query = query.Where(c => c.Team == filter.Team);
        if (filter.Status is not null) query = query.Where(c => c.Status == filter.Status);
        int total = await query.CountAsync(ct);
        var cases = await query.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Include(c => c.People).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var rows = await RowsAsync(cases, ct);
        audit.Record(actor, AuditActions.List, "investigations", null, null, $"{rows.Count} of {total} investigations");
        foreach (var p in cases.SelectMany(c => c.People).Select(p => p.PersonId).Distinct()) audit.Record(actor, AuditActions.List, "investigations", null, p);
        await db.SaveChangesAsync(ct);
        return new InvestigationList(rows, filter.Page, filter.PageSize, total);
    }

    /// <summary>Open investigations whose supervisory review is overdue, or due within <paramref name="dueWithinDays"/>
    /// days, for one team or every team: overdue first (longest overdue first), then soonest due. For the supervisor's workbench (I2).</summary>
    public async Task<IReadOnlyList<InvestigationRow>> ReviewsDueAsync(Actor actor, string? team = null, int dueWithinDays = 7, CancellationToken ct = default)
    {
        if (dueWithinDays is < 0 or > 365) throw new ProblemException(Problems.Problems.Invalid("dueWithinDays", "must be from 0 to 365"));
        var query = Visible(actor).Where(c => c.Status != "closed");
        if (!string.IsNullOrWhiteSpace(team)) query = query.Where(c => c.Team == team);
        var cases = await query.Include(c => c.People).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var rows = (await RowsAsync(cases, ct, dueWithinDays))
            .Where(r => r.ReviewState is ReviewStates.Overdue or ReviewStates.Due)
            .OrderBy(r => r.ReviewState == ReviewStates.Overdue ? 0 : 1).ThenBy(r => r.ReviewDueAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        audit.Record(actor, AuditActions.List, "investigation-reviews", null, null, $"{rows.Count} due or overdue{(team is null ? "" : " for " + team)}");
        foreach (var p in rows.SelectMany(r => r.People).Select(p => p.PersonId).Distinct()) audit.Record(actor, AuditActions.List, "investigation-reviews", null, p);
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>One investigation, whole; 404 when it does not exist or someone in it is not visible.</summary>
    public async Task<InvestigationView> GetAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var c = await Visible(actor).Include(x => x.People).AsSplitQuery().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("investigation"));
        var row = (await RowsAsync([c], ct))[0];
        var ids = JsonSerializer.Deserialize<List<string>>(c.EventIds) ?? [];
        var events = (await db.Events.AsNoTracking().Include(e => e.People).Where(e => ids.Contains(e.Id)).ToListAsync(ct))
            .OrderBy(e => ChronologyEvent.From(e), ChronologyEvent.Order).ToList();
        var who = await names.NamesAsync(events.Select(e => e.RecordedBy), ct);
        var chronology = events.Select(ChronologyEvent.From).ToList();
        var reviews = chronology.Where(e => e.Type == "supervisory-review")
            .Select(e => new ReviewView(e.Id, e.OccurredAt, who.GetValueOrDefault(events.First(x => x.Id == e.Id).RecordedBy, ""), CheckedText(e), e.TextList("nextActions")))
            .ToList();
        var allocated = chronology.LastOrDefault(e => e.Type == "investigation-allocated");
        var closed = chronology.LastOrDefault(e => e.Type == "investigation-closed");
        var history = events.Select(e => new InvestigationEventView(e.Id, e.Type, Vocabulary.Describe(e.Type), e.OccurredAt, who.GetValueOrDefault(e.RecordedBy, ""),
            EventSummary.Of(e.Type, e.Data))).Reverse().ToList();

        var people = c.People.Select(p => p.PersonId).Distinct().ToList();
        var now = clock.GetUtcNow();
        string marker = $":{id}:";
        var tasks = (await db.Tasks.AsNoTracking().Where(t => people.Contains(t.PersonId) && t.Code == OutputCodes.Tasks.SupervisoryReview && t.Key.Contains(marker))
                .ToListAsync(ct)).Select(t => ProfileBuilder.TaskViewAt(t, now)).Where(t => t.Status != Work.TaskStatus.Cancelled)
            .OrderByDescending(t => t.DueAt).ToList();
        var eventIds = ids.ToHashSet();
        var alerts = (await db.Alerts.AsNoTracking().Where(a => people.Contains(a.PersonId) && a.Code == OutputCodes.Alerts.NonSpecialistAllocation && a.WithdrawnAt == null)
                .ToListAsync(ct)).Where(a => a.Key.Split(':').Any(eventIds.Contains)).Select(AlertView.Of).ToList();
        foreach (var p in people) audit.Record(actor, AuditActions.View, "investigation", id, p);
        await db.SaveChangesAsync(ct);
        return new InvestigationView(row, allocated?.OccurredAt, allocated?.Text("nonSpecialistReason"), reviews,
            reviews.LastOrDefault()?.NextActions ?? [], closed?.Text("outcomeForChild"), closed?.Flag("childInformed"), closed?.Text("howInformed"), history,
            await explanations.RenderAsync(actor, tasks, ct), await explanations.RenderAsync(actor, alerts, ct));
    }

    /// <summary>I1: each team's caseload against capacity and skills, and the team recommended for this investigation with why.</summary>
    public async Task<AllocationAdvice> AdviceAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var view = await GetAsync(actor, id, ct);
        var children = await ChildrenAsync(view.Summary, ct);
        var flags = await db.Flags.AsNoTracking()
            .Where(f => children.Contains(f.PersonId) && (f.Status == FlagStatus.Suggested || f.Status == FlagStatus.Confirmed)).Select(f => f.Code).ToListAsync(ct);
        var needs = SpecialistNeed.For(view.Summary.OffenceTypes, children.Count > 0, flags);
        var all = await teams.ListAsync(ct);
        var bcu = all.FirstOrDefault(t => t.Code == view.Summary.Team)?.BcuCode;
        return AllocationAdvice.For(needs, all, bcu);
    }

    /// <summary>The children among the victims: role child, or a victim under 18 on the day the investigation opened.</summary>
    public async Task<List<Guid>> ChildrenAsync(InvestigationRow row, CancellationToken ct = default)
    {
        var ids = row.Victims.Select(p => p.PersonId).Distinct().ToList();
        var on = SafeguardCalendar.LondonDate(row.OpenedAt);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return people.Where(p => p.AgeOn(on) is < 18 || row.People.Any(x => x.PersonId == p.Id && x.Role == "child")).Select(p => p.Id).ToList();
    }

    private IQueryable<Case> Visible(Actor actor)
    {
        var visible = access.Visible(actor);
        return db.Cases.Where(c => c.Type == CaseTypes.Investigation && c.People.All(p => visible.Any(v => v.Id == p.PersonId)));
    }

    private async Task<List<InvestigationRow>> RowsAsync(IReadOnlyList<Case> cases, CancellationToken ct, int dueWithinDays = 7)
    {
        var ids = cases.SelectMany(c => c.People.Select(p => p.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);
        var settings = RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));
        var holidays = await db.BankHolidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
        var calendar = holidays.Count == 0 ? SafeguardCalendar.Default : new SafeguardCalendar(holidays);
        var now = clock.GetUtcNow();
        var rows = new List<InvestigationRow>();
        foreach (var c in cases)
        {
            using var doc = JsonDocument.Parse(c.Fields);
            var f = doc.RootElement;
            DateTimeOffset? At(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(v.GetString()!, CultureInfo.InvariantCulture) : null;
            var offences = f.TryGetProperty("offenceTypes", out var o) && o.ValueKind == JsonValueKind.Array
                ? o.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
            var lastReview = At("lastReviewAt");
            DateTimeOffset? due = c.Status == "closed" ? null : calendar.AddCalendarDays(lastReview ?? c.OpenedAt, settings.SupervisoryReviewDays);
            string state = due is not { } d ? ReviewStates.None : d < now ? ReviewStates.Overdue : d <= now.AddDays(dueWithinDays) ? ReviewStates.Due : ReviewStates.NotDue;
            rows.Add(new InvestigationRow(c.Id, c.Status, c.Team, await names.TeamAsync(c.Team, ct), offences,
                c.People.OrderBy(p => p.Role, StringComparer.Ordinal).ThenBy(p => p.PersonId)
                    .Select(p => new CasePersonView(p.PersonId, people.GetValueOrDefault(p.PersonId, ""), p.Role)).ToList(),
                c.OpenedAt, c.ClosedAt, lastReview, due, state));
        }
        return rows;
    }

    /// <summary>What a review checked, in words: its text, or a list of items, or each area and what was found.</summary>
    private static string CheckedText(ChronologyEvent e)
    {
        if (e.Data.ValueKind != JsonValueKind.Object || !e.Data.TryGetProperty("checked", out var v)) return "";
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Array => string.Join("; ", v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.ToString())),
            JsonValueKind.Object => string.Join("; ", v.EnumerateObject().Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString())}")),
            _ => v.ToString(),
        };
    }
}
