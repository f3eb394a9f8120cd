using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Derivation;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;

namespace Safeguard.Core.Referrals;

/// <summary>Referrals to and from partners and the safeguarding hub's decisions on them (J2, J3, WT1, WT5): lists with
/// response times and what is overdue, one referral's life, and recording its next step as an event (received, MASH
/// screening, accepted or declined, assessment done, closed) exactly as an API client would. Reads the referral cases the
/// projector keeps; a referral is visible only when every person in it is.</summary>
public sealed class ReferralService(SafeguardDb db, PersonAccess access, EventService events, AuditLog audit, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Directions = ["sent", "received"];
    public static readonly IReadOnlyList<string> States = ["open", "overdue", "closed"];

    /// <summary>Referrals, newest first, filtered and paged, with the response-time measure of all that match.</summary>
    public async Task<ReferralPage> ListAsync(Actor actor, ReferralQuery query, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Direction is not null && !Directions.Contains(query.Direction)) errors["direction"] = ["must be sent or received"];
        if (query.State is not null && !States.Contains(query.State)) errors["state"] = ["must be open, overdue or closed"];
        if (query.Page < 1) errors["page"] = ["must be 1 or more"];
        if (query.PageSize is < 1 or > 200) errors["pageSize"] = ["must be between 1 and 200"];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        // A partner sees only referrals to or from their own organisation (and, through PersonAccess, only people shared with it).
        if (actor.Is(Roles.PartnerPractitioner)) query = query with { Organisation = actor.Organisation ?? "" };
        var rows = await RowsAsync(actor, query.PersonId, null, ct);
        var matching = rows.Where(r => query.Direction is null || r.Direction == query.Direction)
            .Where(r => query.Organisation is null || Same(r.To, query.Organisation) || Same(r.From, query.Organisation))
            .Where(r => query.State switch { "open" => r.IsOpen, "overdue" => r.Overdue, "closed" => !r.IsOpen, _ => true })
            .ToList();
        var page = matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        foreach (var p in page.SelectMany(r => r.People.Select(x => x.PersonId)).Distinct())
            audit.Record(actor, AuditActions.List, "referrals", null, p, $"{page.Count(r => r.People.Any(x => x.PersonId == p))} referrals");
        await db.SaveChangesAsync(ct);
        return new ReferralPage(page, query.Page, query.PageSize, matching.Count, Measure(matching));
    }

    /// <summary>For the partner portal: the referrals to or from an organisation that the actor may see, newest first.</summary>
    public async Task<IReadOnlyList<ReferralRow>> ForOrganisationAsync(Actor actor, string organisationCode, CancellationToken ct = default) =>
        (await ListAsync(actor, new ReferralQuery(Organisation: organisationCode, PageSize: 200), ct)).Items;

    /// <summary>One referral; 404 when it does not exist or the actor may not see everyone in it.</summary>
    public async Task<ReferralRow> GetAsync(Actor actor, string referralId, CancellationToken ct = default)
    {
        var row = (await RowsAsync(actor, null, referralId, ct)).SingleOrDefault(r => !actor.Is(Roles.PartnerPractitioner)
            || Same(r.To, actor.Organisation ?? "") || Same(r.From, actor.Organisation ?? "")) ?? throw new ProblemException(Problems.Problems.NotFound("referral"));
        foreach (var p in row.People.Select(x => x.PersonId).Distinct()) audit.Record(actor, AuditActions.View, "referral", referralId, p);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Partner organisations a referral can go to or come from (everything but the police), by name.</summary>
    public async Task<IReadOnlyList<PartnerOrganisation>> PartnersAsync(CancellationToken ct = default) =>
        (await db.Organisations.AsNoTracking().Where(o => o.Kind != "police").ToListAsync(ct)).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The police's own organisation code, to stand as <c>to</c> on a referral received from a partner.</summary>
    public async Task<string> PoliceCodeAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().Where(o => o.Kind == "police").OrderBy(o => o.Code).Select(o => o.Code).FirstOrDefaultAsync(ct) ?? "police";

    /// <summary>The partner's answer (J2): <c>accepted</c>, or <c>declined</c> with a reason (else 422 <c>missing-decline-reason</c>).</summary>
    public Task<EventResult> RecordResponseAsync(Actor actor, string referralId, string? outcome, string? reason, DateTimeOffset? at = null,
        string? eventId = null, CancellationToken ct = default) =>
        RecordAsync(actor, referralId, "referral-response", new Dictionary<string, object?> { ["outcome"] = outcome, ["reason"] = Blank(reason) }, at, eventId, ct);

    /// <summary>The receiving agency has the referral: WT1 counts from now.</summary>
    public Task<EventResult> RecordReceivedAsync(Actor actor, string referralId, DateTimeOffset? at = null, string? eventId = null, CancellationToken ct = default) =>
        RecordAsync(actor, referralId, "referral-received", new Dictionary<string, object?> { ["receivedBy"] = actor.Name }, at, eventId, ct);

    /// <summary>The MASH screening decision with each agency's contribution (J3); closes the WT1 task.</summary>
    public Task<EventResult> RecordScreeningAsync(Actor actor, string referralId, string? decision, string? rationale,
        IReadOnlyList<AgencyContribution> contributions, DateTimeOffset? at = null, string? eventId = null, CancellationToken ct = default) =>
        RecordAsync(actor, referralId, "mash-screening", new Dictionary<string, object?>
        {
            ["decision"] = decision, ["rationale"] = Blank(rationale),
            ["contributions"] = contributions.Count == 0 ? null : contributions.Select(c => new { agency = c.Agency, information = c.Information }).ToList(),
        }, at, eventId, ct);

    /// <summary>Children's social care's assessment is done (WT5).</summary>
    public Task<EventResult> RecordAssessmentAsync(Actor actor, string referralId, string? outcome, DateTimeOffset? at = null, string? eventId = null,
        CancellationToken ct = default) =>
        RecordAsync(actor, referralId, "assessment-completed", new Dictionary<string, object?> { ["outcome"] = Blank(outcome) }, at, eventId, ct);

    /// <summary>Nothing more is expected of anyone: the referral is closed.</summary>
    public Task<EventResult> RecordClosedAsync(Actor actor, string referralId, string? reason, DateTimeOffset? at = null, string? eventId = null,
        CancellationToken ct = default) =>
        RecordAsync(actor, referralId, "referral-closed", new Dictionary<string, object?> { ["reason"] = Blank(reason) }, at, eventId, ct);

    /// <summary>Records the next step of a referral with the referral's people, through the one event service.</summary>
    private async Task<EventResult> RecordAsync(Actor actor, string referralId, string type, Dictionary<string, object?> data, DateTimeOffset? at,
        string? eventId, CancellationToken ct)
    {
        var referral = await GetAsync(actor, referralId, ct);
        data["referralEventId"] = referralId;
        var body = new
        {
            id = eventId ?? $"{type}-{Guid.NewGuid():N}", type, occurredAt = at ?? clock.GetUtcNow(),
            people = referral.People.Select(p => new { personId = p.PersonId, role = p.Role }).Distinct().ToList(),
            data = data.Where(kv => kv.Value is not null).ToDictionary(),
        };
        var submission = EventSubmissionReader.Read(JsonSerializer.SerializeToElement(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return (await events.RecordAsync(actor, [submission], ct))[0];
    }

    private async Task<List<ReferralRow>> RowsAsync(Actor actor, Guid? personId, string? referralId, CancellationToken ct)
    {
        var visible = access.Visible(actor);
        var query = db.Cases.Where(c => c.Type == CaseTypes.Referral && c.People.All(p => visible.Any(v => v.Id == p.PersonId)));
        if (referralId is not null) query = query.Where(c => c.Id == referralId);
        if (personId is { } id) query = query.Where(c => c.People.Any(p => p.PersonId == id));
        var cases = await query.Include(c => c.People).AsSplitQuery().AsNoTracking().ToListAsync(ct);
        var ids = cases.SelectMany(c => c.People.Select(p => p.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Forename + " " + p.Surname).Trim(), ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, StringComparer.OrdinalIgnoreCase, ct);
        var loader = new HistoryLoader(db);
        var (settings, calendar) = (await loader.SettingsAsync(ct), await loader.CalendarAsync(ct));
        var now = clock.GetUtcNow();
        return cases.Select(c => Row(c, names, organisations, settings.Int("WT1.referralDecisionWorkingDays"), settings.Int("WT5.assessmentWorkingDays"), calendar, now))
            .OrderByDescending(r => r.SentAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static ReferralRow Row(Case c, Dictionary<Guid, string> names, Dictionary<string, string> organisations, int wt1, int wt5,
        SafeguardCalendar calendar, DateTimeOffset now)
    {
        var f = JsonDocument.Parse(c.Fields).RootElement;
        string? S(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateTimeOffset? T(string name) => f.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;
        var kind = S("kind") ?? "";
        var to = S("to") ?? "";
        var from = S("from");
        bool hub = Rules.Referrals.ReferralLife.HubKinds.Contains(kind);
        var receivedAt = T("receivedAt");
        var screenedAt = T("screenedAt");
        var decision = S("screeningDecision");
        var outcome = S("outcome");
        bool ended = c.Status is "closed" or "declined";
        DateTimeOffset? screeningDue = hub ? calendar.AddWorkingDays(receivedAt ?? c.OpenedAt, wt1) : null;
        bool needsAssessment = hub && outcome != "declined"
            && (outcome == "accepted" || (decision is { } d && Rules.Referrals.ReferralLife.AssessmentDecisions.Contains(d)));
        DateTimeOffset? assessmentDue = needsAssessment ? calendar.AddWorkingDays(receivedAt ?? c.OpenedAt, wt5) : null;
        var assessed = T("assessmentCompletedAt");
        bool overdue = !ended && ((screeningDue < now && screenedAt is null) || (assessmentDue < now && assessed is null));
        var contributions = f.TryGetProperty("contributions", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(x => new AgencyContribution(
                x.TryGetProperty("agency", out var a) ? a.GetString() ?? "" : "", x.TryGetProperty("information", out var i) ? i.GetString() ?? "" : "")).ToList()
            : [];
        long? minutes = f.TryGetProperty("responseMinutes", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : null;
        return new ReferralRow(c.Id,
            c.People.OrderBy(p => p.Role).ThenBy(p => p.PersonId).Select(p => new ReferralPerson(p.PersonId, names.GetValueOrDefault(p.PersonId, ""), p.Role)).ToList(),
            kind, to, organisations.GetValueOrDefault(to, to), from, from is null ? null : organisations.GetValueOrDefault(from, from),
            from is null ? "sent" : "received", c.Status, S("reason") ?? "", c.OpenedAt, receivedAt, T("respondedAt"), outcome, S("responseReason"),
            minutes is { } mm ? TimeSpan.FromMinutes(mm) : null, screenedAt, decision, S("screeningRationale"), contributions, screeningDue,
            screenedAt is null && !ended ? screeningDue : null, assessed is null && !ended ? assessmentDue : null, assessed, T("closedAt"), S("closeReason"),
            overdue, c.Team);
    }

    /// <summary>J2: response times, and how many hub referrals were screened within WT1.</summary>
    public static ReferralMeasure Measure(IReadOnlyList<ReferralRow> rows)
    {
        var times = rows.Where(r => r.ResponseTime is not null).Select(r => r.ResponseTime!.Value).Order().ToList();
        TimeSpan? median = times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        var screened = rows.Where(r => r.ScreenedAt is not null).ToList();
        return new ReferralMeasure(rows.Count, times.Count, rows.Count(r => r.ResponseTime is null && r.IsOpen), rows.Count(r => r.Overdue), median,
            times.Count == 0 ? null : times[^1], screened.Count(r => r.ScreenedWithin), screened.Count);
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
