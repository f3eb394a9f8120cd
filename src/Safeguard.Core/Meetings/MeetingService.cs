using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;

namespace Safeguard.Core.Meetings;

/// <summary>Which meeting actions to list (I5): by owner (an agency, team or organisation code, or a user), and
/// <c>open</c> (open, overdue or not), <c>overdue</c> (open past its due date) or <c>done</c>. Null status means open.</summary>
public sealed record ActionFilter(string? Owner = null, string? Status = null, int Page = 1, int PageSize = 50);

/// <summary>One action of a strategy discussion or meeting as a list shows it: the meeting, the children it was about,
/// and the action with its owner in words and its state (<c>open</c>, <c>overdue</c>, <c>done</c>).</summary>
public sealed record MeetingActionRow(string MeetingId, string Kind, string KindName, DateTimeOffset HeldAt, IReadOnlyList<CasePersonView> People,
    int Number, string Text, string? Owner, string OwnerName, DateOnly? DueDate, string Status);

public sealed record ActionPage(IReadOnlyList<MeetingActionRow> Items, int Page, int PageSize, int Total);

/// <summary>Police attendance at child protection conferences (I6, M1): of the conferences police were invited to,
/// how many an officer attended. <see cref="Rate"/> is null when police were invited to none.</summary>
public sealed record ConferenceAttendance(DateOnly? From, DateOnly? To, int Invited, int Attended, decimal? Rate);

/// <summary>A choice of agency or owner for pages: a code and its name.</summary>
public sealed record AgencyChoice(string Code, string Name);

/// <summary>Strategy discussions and meetings as work (I5, I6): the open and overdue actions by owner (for the meetings
/// pages, the daily management meeting and partners), marking an action done (recorded as a <c>meeting-action-done</c>
/// event, so it is audited, versioned and rebuilt with the cases), and police attendance at conferences.
/// Only meetings every person of which the caller may see are read; reading is logged (P2).</summary>
public sealed class MeetingService(SafeguardDb db, PersonAccess access, AuditLog audit, EventService events, CaseService cases, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public static readonly IReadOnlyList<string> Statuses = ["open", "overdue", "done"];

    /// <summary>The agencies and owners people choose from: police, the partner organisations and the force's teams.</summary>
    public async Task<IReadOnlyList<AgencyChoice>> AgenciesAsync(CancellationToken ct = default)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new AgencyChoice(t.Code, t.Name)).ToListAsync(ct);
        return [.. await OrganisationsAsync(ct), .. teams];
    }

    /// <summary>The agencies that attend or are invited: police and the partner organisations.</summary>
    public async Task<IReadOnlyList<AgencyChoice>> OrganisationsAsync(CancellationToken ct = default)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new AgencyChoice(o.Code, o.Name)).ToListAsync(ct);
        return [new(MeetingTerms.Police, "Police"), .. organisations.Where(o => o.Code != MeetingTerms.Police)];
    }

    /// <summary>An agency or owner code in words: the organisation's or team's name, "Police", or what was given.</summary>
    public async Task<Func<string?, string>> NamerAsync(CancellationToken ct = default)
    {
        var names = (await AgenciesAsync(ct)).DistinctBy(a => a.Code).ToDictionary(a => a.Code, a => a.Name, StringComparer.OrdinalIgnoreCase);
        return code => code is null ? "No owner recorded" : names.GetValueOrDefault(code, code);
    }

    /// <summary>Other children a meeting about <paramref name="childId"/> may also be about: people linked to the child by a
    /// current relationship, visible to the caller, and under 18 today (or of unknown age), by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> LinkedChildrenAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var ids = await db.Relationships.AsNoTracking().Where(r => (r.PersonId == childId || r.OtherPersonId == childId) && r.End == null)
            .Select(r => r.PersonId == childId ? r.OtherPersonId : r.PersonId).Distinct().ToListAsync(ct);
        var today = SafeguardCalendar.LondonDate(clock.GetUtcNow());
        var people = await access.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id) && p.Id != childId).ToListAsync(ct);
        return people.Where(p => p.AgeOn(today) is null or < 18).OrderBy(p => p.Surname).ThenBy(p => p.Forename).Select(p => (p.Id, p.FullName)).ToList();
    }

    /// <summary>Actions of visible meetings, overdue first (earliest due date first), then the rest by due date.</summary>
    public async Task<ActionPage> ActionsAsync(Actor actor, ActionFilter filter, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.Status is not null && !Statuses.Contains(filter.Status)) errors["status"] = [$"must be one of: {string.Join(", ", Statuses)}"];
        if (filter.Owner is { Length: > 200 }) errors["owner"] = ["must be 200 characters or fewer"];
        if (filter.Page < 1) errors["page"] = ["must be 1 or more"];
        if (filter.PageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"must be between 1 and {MaxPageSize}"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        if (!actor.CanReadPeople && actor.Organisation is null) throw new ProblemException(Problems.Problems.Forbidden("Your role may not do this."));

        var today = SafeguardCalendar.LondonDate(clock.GetUtcNow());
        var visible = access.Visible(actor);
        var meetings = db.Cases.Where(c => c.Type == CaseTypes.Meeting && c.People.All(p => visible.Any(v => v.Id == p.PersonId)));
        var query = db.CaseActions.Where(a => a.CaseType == CaseTypes.Meeting && meetings.Any(c => c.Id == a.CaseId));
        if (filter.Owner is { Length: > 0 } owner) query = query.Where(a => a.Owner == owner);
        query = (filter.Status ?? "open") switch
        {
            "done" => query.Where(a => a.Status == "done"),
            "overdue" => query.Where(a => a.Status == "open" && a.DueDate != null && a.DueDate < today),
            _ => query.Where(a => a.Status == "open"),
        };
        int total = await query.CountAsync(ct);
        var page = await query.OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.CaseId).ThenBy(a => a.Number)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).AsNoTracking().ToListAsync(ct);
        var rows = await RowsAsync(page, today, ct);
        foreach (var person in rows.SelectMany(r => r.People.Select(p => p.PersonId)).Distinct())
            audit.Record(actor, AuditActions.List, "meeting-actions", null, person, $"{rows.Count(r => r.People.Any(p => p.PersonId == person))} meeting actions");
        await db.SaveChangesAsync(ct);
        return new ActionPage(rows, filter.Page, filter.PageSize, total);
    }

    /// <summary>Marks one action of a visible meeting done by recording a <c>meeting-action-done</c> event about the
    /// meeting's people, and answers the meeting as it now stands. Refusals: 404 for a meeting the caller may not see,
    /// 422 <c>unknown-action</c>, 409 <c>action-already-done</c>.</summary>
    /// <remarks><paramref name="doneAt"/> is when it was done (now when null); <paramref name="eventId"/> the event's id, the
    /// idempotency key (a new one when null).</remarks>
    public async Task<CaseView> MarkDoneAsync(Actor actor, string meetingId, int number, string? note, DateTimeOffset? doneAt = null,
        string? eventId = null, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not do this."));
        var meeting = await cases.GetAsync(actor, CaseTypes.Meeting, meetingId, ct);
        var body = new Dictionary<string, object?>
        {
            ["id"] = eventId ?? $"meeting-action-done-{Guid.NewGuid():N}", ["type"] = "meeting-action-done",
            ["occurredAt"] = (doneAt ?? clock.GetUtcNow()).ToUniversalTime(),
            ["people"] = meeting.People.Select(p => new { personId = p.PersonId, role = p.Role }).ToList(),
            ["data"] = new Dictionary<string, object?> { ["meetingEventId"] = meetingId, ["number"] = number, ["note"] = string.IsNullOrWhiteSpace(note) ? null : note.Trim() }
                .Where(kv => kv.Value is not null).ToDictionary(),
        };
        var submission = EventSubmissionReader.Read(JsonSerializer.SerializeToElement(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        await events.RecordAsync(actor, [submission], ct);
        return await cases.GetAsync(actor, CaseTypes.Meeting, meetingId, ct);
    }

    /// <summary>I6 / M1: police attendance at child protection conferences held between the dates (UK days, inclusive).</summary>
    public async Task<ConferenceAttendance> AttendanceAsync(Actor actor, DateOnly? from, DateOnly? to, string? unit = null, CancellationToken ct = default)
    {
        if (from is { } f && to is { } t && t < f) throw new ProblemException(Problems.Problems.Invalid("to", "must be on or after from"));
        var visible = access.Visible(actor);
        var query = db.Cases.Where(c => c.Type == CaseTypes.Meeting && c.People.All(p => visible.Any(v => v.Id == p.PersonId)));
        if (from is { } start) { var s = SafeguardCalendar.ToInstant(start, TimeOnly.MinValue); query = query.Where(c => c.OpenedAt >= s); }
        if (to is { } end) { var e = SafeguardCalendar.ToInstant(end.AddDays(1), TimeOnly.MinValue); query = query.Where(c => c.OpenedAt < e); }
        if (unit is { Length: > 0 }) query = query.Where(c => c.Team == unit);
        var fields = await query.Select(c => c.Fields).ToListAsync(ct);
        int invited = 0, attended = 0;
        foreach (var json in fields)
        {
            var f2 = JsonDocument.Parse(json).RootElement;
            if (!MeetingTerms.Conferences.Contains(Str(f2, "kind") ?? "") || !Bool(f2, "policeInvited")) continue;
            invited++;
            if (Bool(f2, "policeAttended")) attended++;
        }
        return new ConferenceAttendance(from, to, invited, attended, invited == 0 ? null : Math.Round((decimal)attended / invited, 3));
    }

    private async Task<IReadOnlyList<MeetingActionRow>> RowsAsync(IReadOnlyList<CaseAction> actions, DateOnly today, CancellationToken ct)
    {
        var ids = actions.Select(a => a.CaseId).Distinct().ToList();
        var meetings = await db.Cases.AsNoTracking().Include(c => c.People).Where(c => c.Type == CaseTypes.Meeting && ids.Contains(c.Id)).ToListAsync(ct);
        var personIds = meetings.SelectMany(c => c.People.Select(p => p.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);
        var namer = await NamerAsync(ct);
        var byId = meetings.ToDictionary(c => c.Id);
        return actions.Select(a =>
        {
            var c = byId[a.CaseId];
            var kind = Str(JsonDocument.Parse(c.Fields).RootElement, "kind") ?? "";
            var people = c.People.OrderBy(p => p.Role != "child").ThenBy(p => names.GetValueOrDefault(p.PersonId, ""), StringComparer.CurrentCulture)
                .Select(p => new CasePersonView(p.PersonId, names.GetValueOrDefault(p.PersonId, ""), p.Role)).ToList();
            return new MeetingActionRow(c.Id, kind, MeetingTerms.Kind(kind), c.OpenedAt, people, a.Number, a.Text, a.Owner, namer(a.Owner), a.DueDate,
                a.Status == "open" && a.DueDate < today ? "overdue" : a.Status);
        }).ToList();
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
