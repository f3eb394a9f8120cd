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
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Supervision;

/// <summary>The daily management meeting for each BCU (I8): for the last 24 hours (or one chosen day, midnight to
/// midnight UK time) the incidents involving children, children missing or found, children in custody, new and suggested
/// flags, high-risk notifications, and the statutory tasks and meeting actions due by the end of the next day or overdue,
/// each with who owns it, and the decisions the meeting recorded (<c>dmm-decision</c> events). An item belongs to the BCU
/// when its event was recorded by the BCU or one of its teams. Only people the reader may see are shown; reading is
/// logged (P2).</summary>
public sealed class DailyManagementMeeting(SafeguardDb db, PersonAccess access, AuditLog audit, ActorNames names, Settings.SettingsService settings,
    TimeProvider clock)
{
    /// <summary>The event type a decision of the meeting is recorded as.</summary>
    public const string DecisionEventType = "dmm-decision";

    private static readonly string[] IncidentTypes = ["incident", "ppn"];
    private static readonly string[] MissingTypes = ["missing-reported", "missing-located"];
    private static readonly string[] HighRiskTypes = ["incident", "ppn", "dash"];
    /// <summary>DA1: the DASH "yes" answers that make the victim high risk.</summary>
    public const string DashHighRiskSetting = "DA1.highRiskYesCount";

    /// <summary>The BCU a user's team belongs to (or the team code itself when it is a BCU); null when neither.</summary>
    public async Task<string?> BcuOfAsync(string? team, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(team)) return null;
        if (await db.Bcus.AsNoTracking().AnyAsync(b => b.Code == team, ct)) return team;
        return await db.Teams.AsNoTracking().Where(t => t.Code == team).Select(t => t.BcuCode).FirstOrDefaultAsync(ct);
    }

    /// <summary>Who may own a decision of a BCU's meeting: the BCU's teams, then the partner organisations, by name.</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> OwnersAsync(string bcu, CancellationToken ct = default)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.BcuCode == bcu).OrderBy(t => t.Name).Select(t => new { t.Code, t.Name }).ToListAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Code, o.Name }).ToListAsync(ct);
        return teams.Select(t => (t.Code, t.Name)).Concat(orgs.Select(o => (o.Code, o.Name))).ToList();
    }

    /// <summary>Every BCU, by name.</summary>
    public Task<List<Bcu>> BcusAsync(CancellationToken ct = default) => db.Bcus.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);

    public async Task<DmmBoard> BuildAsync(Actor actor, string bcuCode, DateOnly? day, CancellationToken ct = default)
    {
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.Forbidden("Your role may not see the daily management meeting."));
        var bcus = await db.Bcus.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct);
        var bcu = bcus.FirstOrDefault(b => b.Code == bcuCode)
            ?? throw new ProblemException(Problems.Problems.Invalid("bcu", $"must be one of: {string.Join(", ", bcus.Select(b => b.Code))}"));
        var now = clock.GetUtcNow();
        if (day is { } d && d > SafeguardCalendar.LondonDate(now))
            throw new ProblemException(Problems.Problems.Invalid("day", "must be today or earlier"));
        var (from, to) = day is { } chosen
            ? (SafeguardCalendar.ToInstant(chosen, TimeOnly.MinValue), SafeguardCalendar.ToInstant(chosen.AddDays(1), TimeOnly.MinValue))
            : (now.AddHours(-24), now);
        var teams = await db.Teams.AsNoTracking().Where(t => t.BcuCode == bcu.Code).ToListAsync(ct);
        var units = teams.Select(t => t.Code).Append(bcu.Code).ToHashSet(StringComparer.Ordinal);
        var teamNames = teams.ToDictionary(t => t.Code, t => t.Name, StringComparer.Ordinal);
        teamNames[bcu.Code] = bcu.Name;
        var reading = new Reading(db, access.Visible(actor), units, teamNames, now, ct);

        var sections = new List<DmmSection>
        {
            Section(DmmSections.Incidents, await IncidentsAsync(reading, from, to)),
            Section(DmmSections.Missing, await MissingAsync(reading, from, to)),
            Section(DmmSections.Custody, await CustodyAsync(reading, from, to)),
            Section(DmmSections.Flags, await FlagsAsync(reading, from, to)),
            Section(DmmSections.HighRisk, await HighRiskAsync(reading, from, to)),
            Section(DmmSections.Tasks, await TasksAsync(reading, to)),
            Section(DmmSections.Actions, await ActionsAsync(reading, to)),
        };
        var decisions = await DecisionsAsync(reading, bcu.Code, from, to);
        var people = sections.SelectMany(s => s.Rows.Select(r => r.PersonId)).Concat(decisions.Select(x => x.PersonId)).Distinct().ToList();
        foreach (var p in people) audit.Record(actor, AuditActions.List, "daily-management-meeting", bcu.Code, p);
        audit.Record(actor, AuditActions.View, "daily-management-meeting", bcu.Code, null,
            $"{bcu.Name}, {from.UtcDateTime:O} to {to.UtcDateTime:O}: {sections.Sum(s => s.Rows.Count)} items, {decisions.Count} decisions");
        await db.SaveChangesAsync(ct);
        return new DmmBoard(bcu, from, to, day, sections, decisions, bcus);
    }

    private static DmmSection Section(string key, IEnumerable<DmmRow> rows) =>
        new(key, DmmSections.All.First(s => s.Key == key).Title, rows.OrderBy(r => r.At).ThenBy(r => r.Name, StringComparer.Ordinal).ToList());

    private async Task<List<DmmRow>> IncidentsAsync(Reading r, DateTimeOffset from, DateTimeOffset to)
    {
        var events = await r.EventsAsync(IncidentTypes, from, to);
        var rows = new List<DmmRow>();
        foreach (var e in events)
            foreach (var (person, role) in await r.PeopleAsync(e))
                if (r.IsChild(person, role, e.OccurredAt))
                    rows.Add(new(person.Id, person.FullName, true, $"{Vocabulary.Describe(e.Type)}: {DmmData.Classifications(e)}", e.OccurredAt, r.Team(e.Unit), EventId: e.Id));
        return rows;
    }

    private async Task<List<DmmRow>> MissingAsync(Reading r, DateTimeOffset from, DateTimeOffset to)
    {
        var rows = new List<DmmRow>();
        foreach (var e in await r.EventsAsync(MissingTypes, from, to))
        {
            var reportId = e.Type == "missing-reported" ? e.Id : DmmData.Text(e.Data, "missingEventId");
            var what = e.Type == "missing-reported" ? $"Reported missing, {DmmData.Text(e.Data, "riskGrade")?.Replace('-', ' ') ?? "risk not graded"} risk" : "Found";
            foreach (var (person, role) in await r.PeopleAsync(e))
                if (role == "child" || r.IsChild(person, role, e.OccurredAt))
                    rows.Add(new(person.Id, person.FullName, true, what, e.OccurredAt, r.Team(e.Unit), CaseTypes.MissingEpisode, reportId, e.Id));
        }
        // Children reported before the period and still missing at its end: the meeting asks about them every day.
        var open = await r.CasesAsync(CaseTypes.MissingEpisode, c => c.Status == "open" && c.OpenedAt < from);
        foreach (var c in open)
            foreach (var (person, _) in await r.CasePeopleAsync(c, "child"))
                rows.Add(new(person.Id, person.FullName, true, "Still missing", c.OpenedAt, r.Team(c.Team), CaseTypes.MissingEpisode, c.Id));
        return rows;
    }

    private async Task<List<DmmRow>> CustodyAsync(Reading r, DateTimeOffset from, DateTimeOffset to)
    {
        var cases = await r.CasesAsync(CaseTypes.Custody, c => c.OpenedAt < to && (c.ClosedAt == null || c.ClosedAt >= from));
        var rows = new List<DmmRow>();
        foreach (var c in cases)
            foreach (var (person, role) in await r.CasePeopleAsync(c, null))
                if (r.IsChild(person, role, c.OpenedAt))
                {
                    var what = c.ClosedAt is { } ended && ended < to ? $"In custody; left {ExplanationTime(ended)}" : "In custody";
                    rows.Add(new(person.Id, person.FullName, true, what, c.OpenedAt, r.Team(c.Team), CaseTypes.Custody, c.Id));
                }
        return rows;
    }

    private async Task<List<DmmRow>> FlagsAsync(Reading r, DateTimeOffset from, DateTimeOffset to)
    {
        string[] live = [FlagStatus.Suggested, FlagStatus.Confirmed];
        var flags = await db.Flags.AsNoTracking().Include(f => f.Reasons)
            .Where(f => f.Since >= from && f.Since < to && live.Contains(f.Status) && r.Visible.Any(p => p.Id == f.PersonId)).ToListAsync(r.Ct);
        var units = await r.UnitsOfAsync(flags.SelectMany(f => f.Reasons.SelectMany(x => x.EventIds)));
        await r.PreloadAsync(flags.Select(f => f.PersonId));
        var rows = new List<DmmRow>();
        foreach (var f in flags)
        {
            var person = await r.PersonAsync(f.PersonId);
            if (person is null) continue;
            var flagUnits = f.Reasons.SelectMany(x => x.EventIds).Select(units.GetValueOrDefault).OfType<string>().ToList();
            bool ours = flagUnits.Count > 0 ? flagUnits.Any(r.Units.Contains) : r.Units.Contains(person.Unit);
            if (!ours) continue;
            var what = $"{Vocabulary.Describe(f.Code)}: {(f.Status == FlagStatus.Suggested ? "suggested, awaiting a decision" : "raised")}";
            var owner = f.Status == FlagStatus.Suggested ? "A supervisor to confirm or reject" : await names.DescribeAsync(f.RaisedBy, r.Ct);
            rows.Add(new(person.Id, person.FullName, r.IsChild(person, null, f.Since), what, f.Since, owner));
        }
        return rows;
    }

    private async Task<List<DmmRow>> HighRiskAsync(Reading r, DateTimeOffset from, DateTimeOffset to)
    {
        var rows = new List<DmmRow>();
        int highRiskYes = (await settings.GetAsync(DashHighRiskSetting, r.Ct)).Value;
        foreach (var e in await r.EventsAsync(HighRiskTypes, from, to))
        {
            string? what = e.Type == "dash" ? DmmData.DashHighRisk(e.Data, highRiskYes) : DmmData.Text(e.Data, "riskGrade") == "high" ? $"{Vocabulary.Describe(e.Type)} graded high risk: {DmmData.Classifications(e)}" : null;
            if (what is null) continue;
            foreach (var (person, role) in await r.PeopleAsync(e))
                rows.Add(new(person.Id, person.FullName, r.IsChild(person, role, e.OccurredAt), what, e.OccurredAt, r.Team(e.Unit), EventId: e.Id));
        }
        return rows;
    }

    private async Task<List<DmmRow>> TasksAsync(Reading r, DateTimeOffset to)
    {
        // Due by the end of the day after the period (what the meeting must make happen today), or overdue.
        var dueBy = to.AddHours(24);
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == Work.TaskStatus.Open && t.DueAt < dueBy && r.Visible.Any(p => p.Id == t.PersonId)).ToListAsync(r.Ct);
        var units = await r.UnitsOfAsync(tasks.SelectMany(t => t.EventIds));
        tasks = tasks.Where(t => r.Units.Contains(t.AssignedTo) || t.EventIds.Any(id => units.GetValueOrDefault(id) is { } u && r.Units.Contains(u))).ToList();
        await r.PreloadAsync(tasks.Select(t => t.PersonId));
        var rows = new List<DmmRow>();
        foreach (var t in tasks.Where(t => r.Units.Contains(t.AssignedTo) || t.EventIds.Any(id => units.GetValueOrDefault(id) is { } u && r.Units.Contains(u))))
        {
            var person = await r.PersonAsync(t.PersonId);
            if (person is null) continue;
            bool overdue = t.DueAt < r.Now;
            var owner = t.AssignedUser is { } user ? $"{await names.PersonAsync(user, r.Ct)} ({await names.TeamAsync(t.AssignedTo, r.Ct)})" : await names.TeamAsync(t.AssignedTo, r.Ct);
            rows.Add(new(person.Id, person.FullName, r.IsChild(person, null, r.Now), $"{Vocabulary.Describe(t.Code)}: {(overdue ? "overdue since" : "due")} {ExplanationTime(t.DueAt)}",
                t.DueAt, owner, Overdue: overdue));
        }
        return rows;
    }

    private async Task<List<DmmRow>> ActionsAsync(Reading r, DateTimeOffset to)
    {
        var dueBy = SafeguardCalendar.LondonDate(to).AddDays(1);
        var today = SafeguardCalendar.LondonDate(r.Now);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Actions).Include(c => c.People)
            .Where(c => c.Type == CaseTypes.Meeting && c.Team != null && r.Units.Contains(c.Team)
                && c.Actions.Any(a => a.Status == "open" && a.DueDate != null && a.DueDate <= dueBy)
                && c.People.All(p => r.Visible.Any(v => v.Id == p.PersonId)))
            .AsSplitQuery().ToListAsync(r.Ct);
        var rows = new List<DmmRow>();
        foreach (var c in cases)
            foreach (var a in c.Actions.Where(a => a.Status == "open" && a.DueDate <= dueBy))
                foreach (var (person, role) in await r.CasePeopleAsync(c, null))
                {
                    if (!r.IsChild(person, role, r.Now)) continue;
                    bool overdue = a.DueDate < today;
                    var owner = a.Owner is null ? "No owner recorded" : await OwnerAsync(a.Owner, r.Ct);
                    rows.Add(new(person.Id, person.FullName, true, $"{a.Text} ({(overdue ? "overdue since" : "due")} {a.DueDate!.Value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})",
                        SafeguardCalendar.ToInstant(a.DueDate!.Value, TimeOnly.MinValue), owner, CaseTypes.Meeting, c.Id, Overdue: overdue));
                }
        return rows;
    }

    private async Task<List<DmmDecision>> DecisionsAsync(Reading r, string bcu, DateTimeOffset from, DateTimeOffset to)
    {
        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => e.Type == DecisionEventType && e.Unit == bcu && e.OccurredAt >= from && e.OccurredAt <= to).OrderBy(e => e.OccurredAt).ToListAsync(r.Ct);
        var list = new List<DmmDecision>();
        foreach (var e in events)
        {
            var people = await r.PeopleAsync(e);
            if (people.Count != e.People.Count) continue;
            var by = await names.DescribeAsync(e.RecordedBy, r.Ct);
            foreach (var (text, owner, due) in DmmData.Decisions(e.Data))
                foreach (var (person, _) in people)
                    list.Add(new(e.Id, person.Id, person.FullName, text, owner is null ? null : await OwnerAsync(owner, r.Ct), due, e.OccurredAt, by));
        }
        return list;
    }

    /// <summary>An owner code in words: a team or organisation by its name, a user by theirs, anything else as written.</summary>
    public async Task<string> OwnerAsync(string owner, CancellationToken ct)
    {
        if (owner.StartsWith("user:", StringComparison.Ordinal)) return await names.PersonAsync(owner[5..], ct);
        var org = await db.Organisations.AsNoTracking().Where(o => o.Code == owner).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return org ?? await names.TeamAsync(owner, ct);
    }

    private static string ExplanationTime(DateTimeOffset t) => Profiles.ExplanationText.Time(t);
}
