using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.Cases;

/// <summary>What a list of cases is filtered by (API.md "Cases"); every part optional.</summary>
public sealed record CaseFilter(string? Type = null, string? Status = null, string? Team = null, Guid? PersonId = null, int Page = 1, int PageSize = 50);

/// <summary>A case as read: its state, people, events, type-specific fields and, for meetings, actions.</summary>
public sealed record CaseView(string Id, string Type, string Status, IReadOnlyList<CasePersonView> People, DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt, string? Team, IReadOnlyList<string> EventIds, JsonElement Fields, IReadOnlyList<CaseActionView> Actions);

public sealed record CasePersonView(Guid PersonId, string Name, string Role);

/// <summary>A meeting's decision: <c>overdue</c> when still open after its due date (judged against the clock when read).</summary>
public sealed record CaseActionView(int Number, string Text, string? Owner, DateOnly? DueDate, string Status);

public sealed record CasePage(IReadOnlyList<CaseView> Items, int Page, int PageSize, int Total);

/// <summary>Reads cases for people and partner systems. A case is visible only when every person in it is
/// visible to the caller; otherwise it answers exactly like one that does not exist. Reading is logged (P2).</summary>
public sealed class CaseService(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public async Task<CasePage> ListAsync(Actor actor, CaseFilter filter, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Type is not null && !CaseTypes.All.Contains(filter.Type)) errors["type"] = [$"must be one of: {string.Join(", ", CaseTypes.All)}"];
        if (filter.Page < 1) errors["page"] = ["must be 1 or more"];
        if (filter.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"must be between 1 and {MaxPageSize}"];
        if (filter.Status is { Length: > 40 }) errors["status"] = ["must be 40 characters or fewer"];
        if (filter.Team is { Length: > 100 }) errors["team"] = ["must be 100 characters or fewer"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var query = Visible(actor);
        if (filter.Type is not null) query = query.Where(c => c.Type == filter.Type);
        if (filter.Status is not null) query = query.Where(c => c.Status == filter.Status);
        if (filter.Team is not null) query = query.Where(c => c.Team == filter.Team);
        if (filter.PersonId is { } personId) query = query.Where(c => c.People.Any(p => p.PersonId == personId));

        int total = await query.CountAsync(ct);
        var cases = await query.OrderByDescending(c => c.OpenedAt).ThenBy(c => c.Type).ThenBy(c => c.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Include(c => c.People).Include(c => c.Actions).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var views = await ViewsAsync(cases, ct);
        var people = cases.SelectMany(c => c.People.Select(p => p.PersonId)).Distinct().ToList();
        foreach (var p in people) audit.Record(actor, AuditActions.List, "cases", null, p, $"{cases.Count(c => c.People.Any(x => x.PersonId == p))} cases");
        await db.SaveChangesAsync(ct);
        return new CasePage(views, filter.Page, filter.PageSize, total);
    }

    public async Task<CaseView> GetAsync(Actor actor, string type, string id, CancellationToken ct = default)
    {
        var c = await Visible(actor).Include(x => x.People).Include(x => x.Actions).AsSplitQuery().AsNoTracking()
            .FirstOrDefaultAsync(x => x.Type == type && x.Id == id, ct) ?? throw new ProblemException(Problems.Problems.NotFound("case"));
        foreach (var p in c.People.Select(p => p.PersonId).Distinct()) audit.Record(actor, AuditActions.View, "case", $"{c.Type}/{c.Id}", p);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([c], ct))[0];
    }

    /// <summary>Cases every person of which the actor may see.</summary>
    private IQueryable<Case> Visible(Actor actor)
    {
        var visible = access.Visible(actor);
        return db.Cases.Where(c => c.People.All(p => visible.Any(v => v.Id == p.PersonId)));
    }

    private async Task<IReadOnlyList<CaseView>> ViewsAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var ids = cases.SelectMany(c => c.People.Select(p => p.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Forename + " " + p.Surname, ct);
        var today = Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow());
        return cases.Select(c => new CaseView(c.Id, c.Type, c.Status,
            c.People.OrderBy(p => p.Role).ThenBy(p => p.PersonId).Select(p => new CasePersonView(p.PersonId, names.GetValueOrDefault(p.PersonId, "").Trim(), p.Role)).ToList(),
            c.OpenedAt, c.ClosedAt, c.Team, JsonSerializer.Deserialize<List<string>>(c.EventIds) ?? [],
            JsonDocument.Parse(c.Fields).RootElement.Clone(),
            c.Actions.OrderBy(a => a.Number).Select(a => new CaseActionView(a.Number, a.Text, a.Owner, a.DueDate,
                a.Status == "open" && a.DueDate < today ? "overdue" : a.Status)).ToList())).ToList();
    }
}
