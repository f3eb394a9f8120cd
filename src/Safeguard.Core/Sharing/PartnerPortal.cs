using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;

namespace Safeguard.Core.Sharing;

/// <summary>One thing shared with the partner's organisation about a child.</summary>
public sealed record SharedItemView(Guid ShareId, string Scope, string? EventId, string Title, string LawfulBasisName, string SharedByName,
    DateTimeOffset SharedAt, DateTimeOffset Until);

/// <summary>A child shared with the partner's organisation, with what was shared.</summary>
public sealed record SharedChildView(Guid PersonId, string Name, DateOnly? DateOfBirth, IReadOnlyList<SharedItemView> Items);

/// <summary>A referral sent to the partner's organisation and where it stands.</summary>
public sealed record PartnerReferralView(string EventId, IReadOnlyList<string> People, string Kind, string Reason, DateTimeOffset SentAt,
    string Status, string? ResponseReason, DateTimeOffset? RespondedAt)
{
    public bool AwaitingResponse => Status == "awaiting-response";
}

/// <summary>A meeting decision or task the partner's organisation owns.</summary>
public sealed record PartnerActionView(string Source, string Text, DateOnly? DueDate, bool Overdue, string? About, DateTimeOffset? Since);

public sealed record PartnerHome(string Organisation, string OrganisationName, IReadOnlyList<SharedChildView> Children,
    IReadOnlyList<PartnerReferralView> Referrals, IReadOnlyList<PartnerActionView> Actions);

/// <summary>An event as a partner reads it: other people are named only where they are shared with the organisation too.</summary>
public sealed record PartnerEventView(string EventId, string Type, string Description, DateTimeOffset OccurredAt, string Summary,
    IReadOnlyList<string> People, IReadOnlyList<EventField> Fields);

/// <summary>What the partner's organisation may see of one child: the whole record when it is shared, else only the events and plans shared.</summary>
public sealed record PartnerChildView(PersonView Person, bool WholeRecord, IReadOnlyList<SharedItemView> Shares, IReadOnlyList<FlagTag> Flags,
    IReadOnlyList<PlanView> Plans, IReadOnlyList<PartnerEventView> Events);

/// <summary>A referral with its details, for the partner to accept or decline.</summary>
public sealed record PartnerReferralDetail(PartnerReferralView Referral, PartnerEventView Event);

/// <summary>A partner's answer to a referral.</summary>
public sealed record ReferralAnswer(string? Outcome, string? Reason, string? SocialWorker, string? EventId = null, DateTimeOffset? OccurredAt = null);

/// <summary>What a partner practitioner sees (J1-J3): children and items shared with their organisation while the share is
/// live, referrals sent to it (to accept or decline), and the meeting decisions and tasks it owns. Nothing else: a child,
/// event or referral not shared answers exactly as one that does not exist (404 <c>not-found</c>, the same words), and a
/// restricted person (P1) stays hidden unless the partner is named on the restriction. Every read of a child is in the access log.</summary>
public sealed class PartnerPortal(SafeguardDb db, AuditLog audit, EventService events, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public const int MaxReasonLength = 2000;

    /// <summary>The partner's home: everything live for their organisation.</summary>
    public async Task<PartnerHome> HomeAsync(Actor actor, CancellationToken ct = default)
    {
        var org = OrganisationOrNone(actor);
        if (org is null)
        {
            if (!actor.Is(Roles.PartnerPractitioner))
                throw new ProblemException(Problems.Problems.Forbidden("Only partner practitioners of an organisation use the partner portal."));
            // A practitioner whose account names no organisation can be shared nothing; the page says so.
            return new PartnerHome("", "", [], [], []);
        }
        var now = clock.GetUtcNow();
        var name = await db.Organisations.AsNoTracking().Where(o => o.Code == org).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? org;
        var shares = await LiveShares(actor, org, now).ToListAsync(ct);
        var personIds = shares.Select(s => s.PersonId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var titles = await TitlesAsync(shares, ct);
        var children = shares.GroupBy(s => s.PersonId).Where(g => people.ContainsKey(g.Key))
            .Select(g => new SharedChildView(g.Key, people[g.Key].FullName, people[g.Key].DateOfBirth,
                g.OrderBy(s => s.Scope == ShareScopes.Record ? 0 : 1).ThenByDescending(s => s.SharedAt).Select(s => Item(s, titles)).ToList()))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var referrals = await ReferralsAsync(actor, org, ct);
        var actions = await ActionsAsync(actor, org, personIds, referrals, now, ct);
        // One row per person the home names: the children shared, and the people in the referrals listed (tasks name only these).
        var referralIds = referrals.Select(r => r.EventId).ToList();
        var referredIds = await db.CasePeople.AsNoTracking().Where(p => p.CaseType == CaseTypes.Referral && referralIds.Contains(p.CaseId))
            .Select(p => p.PersonId).Distinct().ToListAsync(ct);
        foreach (var id in personIds.Where(people.ContainsKey).Concat(referredIds).Distinct())
            audit.Record(actor, AuditActions.List, "partner-home", org, id);
        await db.SaveChangesAsync(ct);
        return new PartnerHome(org, name, children, referrals, actions);
    }

    /// <summary>What is shared of one child, or 404 exactly as for a child who does not exist.</summary>
    public async Task<PartnerChildView> ChildAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var org = OrganisationOrNone(actor);
        var now = clock.GetUtcNow();
        var shares = org is null ? [] : await LiveShares(actor, org, now).Where(s => s.PersonId == personId).ToListAsync(ct);
        var person = shares.Count == 0 ? null : await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null) throw new ProblemException(Problems.Problems.NotFound("person"));

        var whole = shares.Any(s => s.Scope == ShareScopes.Record);
        var mine = await db.Events.AsNoTracking().Include(e => e.People).Where(e => e.People.Any(p => p.PersonId == personId))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.RecordedAt).ToListAsync(ct);
        var hidden = await HiddenPeopleAsync(actor, mine.SelectMany(e => e.People.Select(p => p.PersonId)), ct);
        var sharedEventIds = shares.Where(s => s.EventId is not null).Select(s => s.EventId!).ToHashSet();
        var shown = mine.Where(e => (whole || sharedEventIds.Contains(e.Id)) && e.People.All(p => !hidden.Contains(p.PersonId))).ToList();
        var names = await SharedNamesAsync(actor, org!, shown, now, ct);
        var plans = CurrentPlans.Of(personId, mine.Where(e => e.People.All(p => !hidden.Contains(p.PersonId))).ToList())
            .Where(p => whole || shares.Any(s => s.Scope == ShareScopes.Plan && s.EventId == p.EventId)).ToList();
        var flags = whole ? FlagViews.Tags(await db.Flags.AsNoTracking().Where(f => f.PersonId == personId).ToListAsync(ct)) : [];
        var today = Calendar.SafeguardCalendar.LondonDate(now);
        var view = ProfileBuilder.ToView(person, today);
        if (!whole) view = view with { Address = new AddressView(null, null, null), Aliases = [] };
        var titles = await TitlesAsync(shares, ct);

        audit.Record(actor, AuditActions.View, "partner-child", personId.ToString(), personId,
            detail: whole ? "whole record" : string.Join(", ", shares.Select(s => $"{s.Scope} {s.EventId}")));
        await db.SaveChangesAsync(ct);
        return new PartnerChildView(view, whole, shares.Select(s => Item(s, titles)).ToList(), flags, plans,
            shown.Select(e => EventView(e, names)).ToList());
    }

    /// <summary>A referral sent to the partner's organisation, or 404 exactly as for one that does not exist.</summary>
    public async Task<PartnerReferralDetail> ReferralAsync(Actor actor, string referralId, CancellationToken ct = default)
    {
        var org = OrganisationOrNone(actor);
        var referral = org is null ? null : (await ReferralsAsync(actor, org, ct, referralId)).FirstOrDefault();
        if (referral is null) throw new ProblemException(Problems.Problems.NotFound("referral"));
        var e = await db.Events.AsNoTracking().Include(x => x.People).FirstAsync(x => x.Id == referralId, ct);
        var names = await db.People.AsNoTracking().Where(p => e.People.Select(x => x.PersonId).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        foreach (var p in e.People.Select(p => p.PersonId).Distinct())
            audit.Record(actor, AuditActions.View, "partner-referral", referralId, p);
        await db.SaveChangesAsync(ct);
        return new PartnerReferralDetail(referral, EventView(e, names));
    }

    /// <summary>Accepts or declines a referral sent to the partner's organisation by recording a <c>referral-response</c>
    /// event (the same event the API takes), with the reason; a decline needs one. A referral already answered is 409.</summary>
    public async Task<EventResult> RespondAsync(Actor actor, string referralId, ReferralAnswer answer, CancellationToken ct = default)
    {
        var org = OrganisationOrNone(actor);
        var referral = org is null ? null : (await ReferralsAsync(actor, org, ct, referralId)).FirstOrDefault();
        if (referral is null) throw new ProblemException(Problems.Problems.NotFound("referral"));
        var errors = new Dictionary<string, string[]>();
        var outcome = answer.Outcome?.Trim();
        if (outcome is not ("accepted" or "declined")) errors["outcome"] = ["Choose whether you accept or decline the referral."];
        var reason = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim();
        if (outcome == "declined" && reason is null) errors["reason"] = ["Say why the referral is declined."];
        if (reason is { Length: > MaxReasonLength }) errors["reason"] = [$"The reason must be {MaxReasonLength} characters or fewer."];
        var worker = string.IsNullOrWhiteSpace(answer.SocialWorker) ? null : answer.SocialWorker.Trim();
        if (worker is { Length: > 200 }) errors["socialWorker"] = ["The name must be 200 characters or fewer."];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        var id = string.IsNullOrWhiteSpace(answer.EventId) ? $"referral-response-{Guid.NewGuid():N}" : answer.EventId.Trim();
        // A repeat of an answer already stored (a double click) is answered as the first; any other answer to an answered referral is refused.
        var repeat = await db.Events.AsNoTracking().AnyAsync(x => x.Id == id, ct);
        if (!referral.AwaitingResponse && !repeat)
            throw new ProblemException(Problems.Problems.IllegalTransition("This referral has already been answered."));
        var e = await db.Events.AsNoTracking().Include(x => x.People).FirstAsync(x => x.Id == referralId, ct);
        var data = new Dictionary<string, object?> { ["referralEventId"] = referralId, ["outcome"] = outcome };
        if (reason is not null) data["reason"] = reason;
        if (worker is not null) data["socialWorker"] = worker;
        var body = new Dictionary<string, object?>
        {
            ["id"] = id, ["type"] = "referral-response",
            ["occurredAt"] = (answer.OccurredAt ?? clock.GetUtcNow()).ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["recordedBy"] = actor.Id, ["unit"] = org,
            ["people"] = e.People.Select(p => new { personId = p.PersonId, role = p.Role }).ToList(),
            ["data"] = data,
        };
        var submission = EventSubmissionReader.Read(JsonSerializer.SerializeToElement(body, Json));
        return await events.RecordPartnerResponseAsync(actor, submission, ct);
    }

    /// <summary>Live shares for the organisation, of people the partner may see: never a deleted record (retention), and a restricted
    /// person only if the partner is named.</summary>
    private IQueryable<Share> LiveShares(Actor actor, string org, DateTimeOffset now) =>
        db.Shares.AsNoTracking().Where(s => s.OrganisationCode == org && s.EndedAt == null && s.Until > now
            && db.People.Any(p => p.Id == s.PersonId && p.DeletedAt == null && (!p.Restricted || db.RestrictedAccess.Any(r => r.PersonId == p.Id && r.ActorId == actor.Id))));

    private async Task<HashSet<Guid>> HiddenPeopleAsync(Actor actor, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.People.AsNoTracking().Where(p => list.Contains(p.Id) && p.Restricted
            && !db.RestrictedAccess.Any(r => r.PersonId == p.Id && r.ActorId == actor.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Names of the people in these events whom the organisation may see: those with a live share.</summary>
    private async Task<Dictionary<Guid, string>> SharedNamesAsync(Actor actor, string org, List<Event> list, DateTimeOffset now, CancellationToken ct)
    {
        var ids = list.SelectMany(e => e.People.Select(p => p.PersonId)).Distinct().ToList();
        var shared = await LiveShares(actor, org, now).Where(s => ids.Contains(s.PersonId)).Select(s => s.PersonId).Distinct().ToListAsync(ct);
        return await db.People.AsNoTracking().Where(p => shared.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
    }

    private static PartnerEventView EventView(Event e, IReadOnlyDictionary<Guid, string> names) =>
        new(e.Id, e.Type, Vocabulary.Describe(e.Type), e.OccurredAt, EventSummary.Of(e.Type, e.Data),
            e.People.Select(p => $"{names.GetValueOrDefault(p.PersonId, "Another person")} ({EventDetails.Phrase(p.Role)})").ToList(),
            EventDetails.Of(e.Data, names));

    private async Task<Dictionary<string, string>> TitlesAsync(IEnumerable<Share> shares, CancellationToken ct)
    {
        var ids = shares.Where(s => s.EventId is not null).Select(s => s.EventId!).Distinct().ToList();
        var list = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Type, e.OccurredAt }).ToListAsync(ct);
        return list.ToDictionary(e => e.Id, e => $"{Vocabulary.Describe(e.Type)}, {Calendar.SafeguardCalendar.LondonDate(e.OccurredAt):d MMMM yyyy}");
    }

    private static SharedItemView Item(Share s, IReadOnlyDictionary<string, string> titles) =>
        new(s.Id, s.Scope, s.EventId,
            s.Scope == ShareScopes.Record ? "Whole record"
            : (s.Scope == ShareScopes.Plan ? "Plan: " : "") + (s.EventId is not null && titles.TryGetValue(s.EventId, out var t) ? t : "an event"),
            LawfulBases.Describe(s.LawfulBasis), s.SharedByName, s.SharedAt, s.Until);

    /// <summary>Referrals whose <c>to</c> is the organisation, newest first; one if <paramref name="only"/> is given.</summary>
    private async Task<List<PartnerReferralView>> ReferralsAsync(Actor actor, string org, CancellationToken ct, string? only = null)
    {
        var query = db.Cases.AsNoTracking().Include(c => c.People).Where(c => c.Type == CaseTypes.Referral);
        if (only is not null) query = query.Where(c => c.Id == only);
        var cases = (await query.ToListAsync(ct)).Where(c => Text(c.Fields, "to") == org).ToList();
        var hidden = await HiddenPeopleAsync(actor, cases.SelectMany(c => c.People.Select(p => p.PersonId)), ct);
        cases = cases.Where(c => c.People.All(p => !hidden.Contains(p.PersonId))).ToList();
        var ids = cases.SelectMany(c => c.People.Select(p => p.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        return cases.OrderByDescending(c => c.OpenedAt).Select(c => new PartnerReferralView(c.Id,
                c.People.OrderBy(p => p.Role == "child" ? 0 : 1).Select(p => p.PersonId).Distinct().Select(p => names.GetValueOrDefault(p, "")).ToList(),
                Text(c.Fields, "kind") ?? "", Text(c.Fields, "reason") ?? "", c.OpenedAt, c.Status, Text(c.Fields, "responseReason"), c.ClosedAt))
            .ToList();
    }

    /// <summary>Open meeting decisions owned by the organisation, and open tasks assigned to it (or to its kind of agency, for
    /// children shared or referred to it).</summary>
    private async Task<List<PartnerActionView>> ActionsAsync(Actor actor, string org, List<Guid> shared, List<PartnerReferralView> referrals,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = Calendar.SafeguardCalendar.LondonDate(now);
        var result = new List<PartnerActionView>();
        var decisions = await db.CaseActions.AsNoTracking().Where(a => a.Owner == org && a.Status == "open").ToListAsync(ct);
        var caseIds = decisions.Select(a => a.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Include(c => c.People).Where(c => caseIds.Contains(c.Id)).ToListAsync(ct);
        var hidden = await HiddenPeopleAsync(actor, cases.SelectMany(c => c.People.Select(p => p.PersonId)), ct);
        foreach (var a in decisions)
        {
            var c = cases.FirstOrDefault(x => x.Id == a.CaseId && x.Type == a.CaseType);
            if (c is null || c.People.Any(p => hidden.Contains(p.PersonId))) continue;
            var kind = Text(c.Fields, "kind");
            result.Add(new PartnerActionView($"Decision {a.Number} of the {EventDetails.Phrase(kind ?? "meeting")}", a.Text, a.DueDate,
                a.DueDate < today, null, c.OpenedAt));
        }

        var kindOfAgency = await db.Organisations.AsNoTracking().Where(o => o.Code == org).Select(o => o.Kind).FirstOrDefaultAsync(ct);
        var referralIds = referrals.Select(r => r.EventId).ToList();
        var referred = await db.CasePeople.AsNoTracking().Where(p => p.CaseType == CaseTypes.Referral && referralIds.Contains(p.CaseId))
            .Select(p => p.PersonId).ToListAsync(ct);
        var known = shared.Concat(referred).Distinct().ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.Status == Work.TaskStatus.Open && t.CancelledAt == null
            && (t.AssignedTo == org || (t.AssignedTo == kindOfAgency && known.Contains(t.PersonId)))).ToListAsync(ct);
        var hiddenTaskPeople = await HiddenPeopleAsync(actor, tasks.Select(t => t.PersonId), ct);
        var names = await db.People.AsNoTracking().Where(p => known.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
        foreach (var t in tasks.Where(t => !hiddenTaskPeople.Contains(t.PersonId)))
            result.Add(new PartnerActionView("Task", Rules.RuleTitles.Of(t.Rule), Calendar.SafeguardCalendar.LondonDate(t.DueAt), t.DueAt < now,
                names.GetValueOrDefault(t.PersonId), t.CreatedAt));
        return result.OrderBy(a => a.DueDate ?? DateOnly.MaxValue).ToList();
    }

    private static string? Text(string json, string name)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
    }

    private static string? OrganisationOrNone(Actor actor) =>
        actor.Is(Roles.PartnerPractitioner) && !string.IsNullOrEmpty(actor.Organisation) ? actor.Organisation : null;
}
