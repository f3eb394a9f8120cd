using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using WorkTaskStatus = Safeguard.Core.Work.TaskStatus;

namespace Safeguard.Core.Supervision;

/// <summary>A team's open cases against the capacity it is set up to carry.</summary>
public sealed record TeamCaseload(string Code, string Name, int OpenCases, int Capacity)
{
    public bool OverCapacity => Capacity > 0 && OpenCases > Capacity;
}

/// <summary>One row of the workbench: about a person (and a case, where the item belongs to one), what it is, since when,
/// and who owns it.</summary>
public sealed record WorkbenchRow(Guid PersonId, string Name, string What, DateTimeOffset Since, string? Owner,
    string? CaseType = null, string? CaseId = null);

/// <summary>A long list on the workbench, a page at a time, with its true total.</summary>
public sealed record WorkbenchList(string Key, string Title, IReadOnlyList<WorkbenchRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The supervisor's workbench for their teams: caseloads against capacity, then the lists.</summary>
public sealed record Workbench(IReadOnlyList<Team> Teams, IReadOnlyList<Team> Choices, string? Chosen, IReadOnlyList<TeamCaseload> Caseloads,
    IReadOnlyList<WorkbenchList> Lists);

/// <summary>The lists of the workbench (I7, I8), in the order a supervisor works through them.</summary>
public static class WorkbenchLists
{
    public const string Reviews = "reviews";
    public const string Tasks = "tasks";
    public const string Actions = "actions";
    public const string Queues = "queues";
    public const string Alerts = "alerts";

    public static readonly IReadOnlyList<(string Key, string Title)> All =
    [
        (Reviews, "Overdue supervisory reviews"),
        (Tasks, "Other overdue tasks"),
        (Actions, "Overdue meeting actions"),
        (Queues, "Queues: digital forensic requests and charging files"),
        (Alerts, "Open alerts"),
    ];
}

/// <summary>The supervisor's workbench: for the supervisor's teams (their own team, or every team of their BCU when their
/// unit is a BCU; one of them may be chosen), each team's open cases against <see cref="Team.Capacity"/>, overdue
/// supervisory reviews, other overdue tasks, overdue meeting actions, open forensic requests and charging files, and
/// alerts not yet acknowledged. An item is the teams' when it is assigned to one of them, held by one of them (a case),
/// addressed to their supervisors (an alert), or rests on an event one of them recorded. Only people the reader may see
/// are listed (counts of cases are not people); reading is logged (P2).</summary>
public sealed class SupervisorWorkbench(SafeguardDb db, PersonAccess access, AuditLog audit, DailyManagementMeeting meeting, ActorNames names, TimeProvider clock)
{
    public const int DefaultPageSize = 25;

    /// <summary>The workbench, each list at its page (<paramref name="pages"/> by list key; page 1 when absent).
    /// <paramref name="pageSize"/> up to <see cref="Work.Worklist.MaxPageSize"/> (an export asks for all).</summary>
    public async Task<Workbench> BuildAsync(Actor actor, string? team, IReadOnlyDictionary<string, int>? pages = null, int pageSize = DefaultPageSize,
        CancellationToken ct = default)
    {
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.Forbidden("Your role may not see the supervisor's workbench."));
        var (choices, teams) = await TeamsAsync(actor, team, ct);
        var codes = teams.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var supervisorAudiences = teams.SelectMany(t => new[] { t.Code, Work.Worklist.RuleTeamOf(t.Kind) }).OfType<string>()
            .Select(Audiences.SupervisorOf).Distinct().ToList();
        var now = clock.GetUtcNow();
        var reading = new Reading(db, access.Visible(actor), codes, teams.ToDictionary(t => t.Code, t => t.Name), now, ct);

        var codeList = codes.ToList();
        var open = await db.Cases.AsNoTracking().Where(c => c.ClosedAt == null && c.Team != null && codeList.Contains(c.Team))
            .GroupBy(c => c.Team!).Select(g => new { Team = g.Key, Count = g.Count() }).ToListAsync(ct);
        var caseloads = teams.Select(t => new TeamCaseload(t.Code, t.Name, open.FirstOrDefault(o => o.Team == t.Code)?.Count ?? 0, t.Capacity))
            .OrderByDescending(c => c.OverCapacity).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

        var (reviews, others) = await OverdueTasksAsync(reading);
        var lists = new List<WorkbenchList>
        {
            Page(WorkbenchLists.Reviews, reviews, pages, pageSize),
            Page(WorkbenchLists.Tasks, others, pages, pageSize),
            Page(WorkbenchLists.Actions, await OverdueActionsAsync(reading), pages, pageSize),
            Page(WorkbenchLists.Queues, await QueuesAsync(reading), pages, pageSize),
            Page(WorkbenchLists.Alerts, await AlertsAsync(reading, supervisorAudiences), pages, pageSize),
        };
        foreach (var p in lists.SelectMany(l => l.Rows).Select(r => r.PersonId).Distinct())
            audit.Record(actor, AuditActions.List, "supervisor-workbench", null, p);
        audit.Record(actor, AuditActions.View, "supervisor-workbench", string.Join(",", codes.Order(StringComparer.Ordinal)), null,
            string.Join("; ", lists.Select(l => $"{l.Total} {l.Key}")));
        await db.SaveChangesAsync(ct);
        return new Workbench(teams, choices, team, caseloads, lists);
    }

    /// <summary>The teams the actor may choose from (their BCU's teams; every team for an administrator, auditor or a user
    /// with no team), and those shown: the chosen one, else the actor's own team, else all the choices.</summary>
    private async Task<(List<Team> Choices, List<Team> Shown)> TeamsAsync(Actor actor, string? team, CancellationToken ct)
    {
        var bcu = await meeting.BcuOfAsync(actor.Team, ct);
        var choices = await db.Teams.AsNoTracking().Where(t => bcu == null || t.BcuCode == bcu).OrderBy(t => t.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(team))
        {
            var chosen = choices.FirstOrDefault(t => t.Code == team)
                ?? throw new ProblemException(Problems.Problems.Invalid("team", "must be one of your BCU's teams"));
            return (choices, [chosen]);
        }
        var own = choices.FirstOrDefault(t => t.Code == actor.Team);
        return (choices, own is null ? choices : [own]);
    }

    private static WorkbenchList Page(string key, List<WorkbenchRow> rows, IReadOnlyDictionary<string, int>? pages, int size)
    {
        int page = Math.Max(1, pages?.GetValueOrDefault(key) ?? 1);
        if (size is < 1 or > Work.Worklist.MaxPageSize) throw new ProblemException(Problems.Problems.Invalid("pageSize", $"must be from 1 to {Work.Worklist.MaxPageSize}"));
        var title = WorkbenchLists.All.First(l => l.Key == key).Title;
        return new(key, title, rows.Skip((page - 1) * size).Take(size).ToList(), rows.Count, page, size);
    }

    private async Task<(List<WorkbenchRow> Reviews, List<WorkbenchRow> Others)> OverdueTasksAsync(Reading r)
    {
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open && t.DueAt < r.Now && r.Visible.Any(p => p.Id == t.PersonId))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).ToListAsync(r.Ct);
        var units = await r.UnitsOfAsync(tasks.SelectMany(t => t.EventIds));
        tasks = tasks.Where(t => r.Units.Contains(t.AssignedTo) || t.EventIds.Any(id => units.GetValueOrDefault(id) is { } u && r.Units.Contains(u))).ToList();
        await r.PreloadAsync(tasks.Select(t => t.PersonId));
        var reviews = new List<WorkbenchRow>();
        var others = new List<WorkbenchRow>();
        foreach (var t in tasks.Where(t => r.Units.Contains(t.AssignedTo) || t.EventIds.Any(id => units.GetValueOrDefault(id) is { } u && r.Units.Contains(u))))
        {
            if (await r.PersonAsync(t.PersonId) is not { } person) continue;
            var owner = t.AssignedUser is { } user ? $"{await names.PersonAsync(user, r.Ct)} ({await names.TeamAsync(t.AssignedTo, r.Ct)})" : await names.TeamAsync(t.AssignedTo, r.Ct);
            var row = new WorkbenchRow(person.Id, person.FullName, $"{Vocabulary.Describe(t.Code)}: overdue since {Profiles.ExplanationText.Time(t.DueAt)}", t.DueAt, owner);
            (t.Code == OutputCodes.Tasks.SupervisoryReview ? reviews : others).Add(row);
        }
        return (reviews, others);
    }

    private async Task<List<WorkbenchRow>> OverdueActionsAsync(Reading r)
    {
        var today = SafeguardCalendar.LondonDate(r.Now);
        var codes = r.Units.ToList();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Actions).Include(c => c.People)
            .Where(c => c.Type == CaseTypes.Meeting && c.Team != null && codes.Contains(c.Team)
                && c.Actions.Any(a => a.Status == "open" && a.DueDate != null && a.DueDate < today))
            .AsSplitQuery().ToListAsync(r.Ct);
        var rows = new List<WorkbenchRow>();
        foreach (var c in cases)
        {
            var people = await r.CasePeopleAsync(c, null);
            if (people.Count == 0) continue;
            var (person, _) = people.FirstOrDefault(p => r.IsChild(p.Person, p.Role, r.Now), people[0]);
            foreach (var a in c.Actions.Where(a => a.Status == "open" && a.DueDate < today).OrderBy(a => a.Number))
                rows.Add(new(person.Id, person.FullName,
                    $"{a.Text} (due {a.DueDate!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})",
                    SafeguardCalendar.ToInstant(a.DueDate!.Value, TimeOnly.MinValue), a.Owner is null ? "No owner recorded" : await meeting.OwnerAsync(a.Owner, r.Ct),
                    CaseTypes.Meeting, c.Id));
        }
        return rows.OrderBy(x => x.Since).ToList();
    }

    private async Task<List<WorkbenchRow>> QueuesAsync(Reading r)
    {
        var codes = r.Units.ToList();
        string[] types = [CaseTypes.ForensicRequest, CaseTypes.ChargingFile];
        var cases = await db.Cases.AsNoTracking().Include(c => c.People)
            .Where(c => types.Contains(c.Type) && c.ClosedAt == null && c.Team != null && codes.Contains(c.Team)).OrderBy(c => c.OpenedAt).ToListAsync(r.Ct);
        var rows = new List<WorkbenchRow>();
        foreach (var c in cases)
        {
            var people = await r.CasePeopleAsync(c, null);
            if (people.Count == 0) continue;
            var (person, _) = people.FirstOrDefault(p => r.IsChild(p.Person, p.Role, r.Now), people[0]);
            var kind = c.Type == CaseTypes.ForensicRequest ? "Digital forensic request" : "Charging file";
            var days = (int)(r.Now - c.OpenedAt).TotalDays;
            rows.Add(new(person.Id, person.FullName, $"{kind}, waiting {days} {(days == 1 ? "day" : "days")}", c.OpenedAt, r.Team(c.Team), c.Type, c.Id));
        }
        return rows;
    }

    private async Task<List<WorkbenchRow>> AlertsAsync(Reading r, List<string> supervisorAudiences)
    {
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.WithdrawnAt == null && a.AcknowledgedAt == null && r.Visible.Any(p => p.Id == a.PersonId))
            .OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(r.Ct);
        var units = await r.UnitsOfAsync(alerts.SelectMany(a => a.EventIds));
        alerts = alerts.Where(a => supervisorAudiences.Contains(a.Audience) || a.EventIds.Any(id => units.GetValueOrDefault(id) is { } u && r.Units.Contains(u))).ToList();
        await r.PreloadAsync(alerts.Select(a => a.PersonId));
        var rows = new List<WorkbenchRow>();
        foreach (var a in alerts.Where(a => supervisorAudiences.Contains(a.Audience) || a.EventIds.Any(id => units.GetValueOrDefault(id) is { } u && r.Units.Contains(u))))
        {
            if (await r.PersonAsync(a.PersonId) is not { } person) continue;
            rows.Add(new(person.Id, person.FullName, Vocabulary.Describe(a.Code), a.CreatedAt, Audiences.Describe(a.Audience)));
        }
        return rows;
    }
}
