using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Derivation;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Rules.Custody;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Custody;

/// <summary>One child in custody now (L1): how long they have been held, the next review due, the detention limit,
/// the appropriate adult and the child's live flags.</summary>
public sealed record CustodyNowEntry(Person Child, CustodyDetention Detention, TimeSpan Held, DateTimeOffset? NextReviewDue,
    DateTimeOffset? LimitAt, IReadOnlyList<(string Code, string Status)> Flags, string Stage)
{
    /// <summary>True when the next review's time has passed without it.</summary>
    public bool ReviewOverdue(DateTimeOffset now) => NextReviewDue is { } due && due <= now;
}

/// <summary>Children's social care for a child as the history records it (L4): the allocated social worker when an
/// event names one, and the latest referral to social care with its answer.</summary>
public sealed record SocialCareView(string? SocialWorker, string? SocialWorkerSource, DateTimeOffset? SocialWorkerSince, string? Referral);

/// <summary>What the custody officer sees at booking, on one screen (L4): the child's whole profile (flags, plans, open
/// tasks, alerts), their social worker, and this detention with its clocks.</summary>
public sealed record CustodyGlance(ProfileView Profile, CustodyDetention Detention, SocialCareView SocialCare,
    IReadOnlyList<ReviewDue> Reviews, DateTimeOffset? LimitAt, int LimitHours, IReadOnlyList<CustodyDetention> EarlierDetentions);

/// <summary>The transfer record of one local authority (CU4, M1): children charged and refused bail, requests made
/// (secure, non-secure), refusals, transfers, certificates of impracticability and children held overnight.</summary>
public sealed record TransferRecordRow(string LocalAuthority, string Name, int ChargedRefusedBail, int Requests, int SecureRequests,
    int Refusals, int Transfers, int Certificates, int HeldOvernight, int HeldOvernightWithoutRequest);

/// <summary>Children in custody (L1–L4): the list of children held now, the at-a-glance screen for one detention, and
/// the transfer record per local authority. Detentions are read from the events through <see cref="CustodyDetention"/>,
/// the same model the custody rules use. Reading is logged (P2).</summary>
public sealed class CustodyBoard(SafeguardDb db, PersonAccess access, AuditLog audit, ProfileBuilder profiles, TimeProvider clock)
{
    private static readonly string[] Types = [.. CustodyDetention.EventTypes];
    private static readonly string[] HiddenFlagStatuses = [FlagStatus.Rejected, FlagStatus.Ended, FlagStatus.Withdrawn];

    /// <summary>Every child in custody now whom the actor may see, the longest held first.</summary>
    public async Task<IReadOnlyList<CustodyNowEntry>> NowAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.Forbidden("Your role may not see who is in custody."));
        var now = clock.GetUtcNow();
        var (settings, calendar) = await RulesSetupAsync(ct);
        var booked = db.Events.Where(e => e.Type == "custody-detained").SelectMany(e => e.People.Select(p => p.PersonId));
        var visible = await access.Visible(actor).AsNoTracking().Where(p => booked.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var detentions = (await DetentionsAsync(visible.Keys.ToList(), null, ct))
            .Where(d => d.InCustodyAt(now) && d.IsChild(Facts(visible[d.PersonId]), settings))
            .OrderBy(d => d.Detained.OccurredAt).ToList();
        var ids = detentions.Select(d => d.PersonId).Distinct().ToList();
        var flags = await db.Flags.AsNoTracking().Where(f => ids.Contains(f.PersonId) && !HiddenFlagStatuses.Contains(f.Status))
            .Select(f => new { f.PersonId, f.Code, f.Status }).ToListAsync(ct);
        var items = detentions.Select(d =>
        {
            bool charged = d.ClockStoppedAt is not null;
            var next = charged ? null : d.ReviewsDue(settings, calendar, now).FirstOrDefault(r => r.DoneBy is null)?.DueAt;
            return new CustodyNowEntry(visible[d.PersonId], d, now - d.Detained.OccurredAt, next, charged ? null : d.LimitAt(settings, calendar),
                flags.Where(f => f.PersonId == d.PersonId).Select(f => (f.Code, f.Status)).Distinct().ToList(), Stage(d));
        }).ToList();
        await audit.RecordListNowAsync(actor, AuditActions.List, "custody-now", ids.Select(i => (Guid?)i), $"{items.Count} children in custody now", ct: ct);
        return items;
    }

    /// <summary>One detention at a glance, by its custody id; 404 when there is none the actor may see.</summary>
    public async Task<CustodyGlance> GlanceAsync(Actor actor, string custodyId, CancellationToken ct = default)
    {
        string[] roles = [.. CustodyDetention.DetainedRoles];
        var booking = db.EventReferences.Where(r => r.Field == "custodyId" && r.Value == custodyId).Select(r => r.EventId);
        var personId = await db.Events.AsNoTracking()
            .Where(e => e.Type == "custody-detained" && booking.Contains(e.Id))
            .SelectMany(e => e.People.Where(p => roles.Contains(p.Role)).Select(p => p.PersonId)).FirstOrDefaultAsync(ct);
        if (personId == Guid.Empty) throw new ProblemException(Problems.Problems.NotFound("detention"));
        var profile = await profiles.BuildAsync(actor, personId, ct: ct);
        var (settings, calendar) = await RulesSetupAsync(ct);
        var all = await DetentionsAsync([personId], null, ct);
        var detention = all.FirstOrDefault(d => d.CustodyId == custodyId) ?? throw new ProblemException(Problems.Problems.NotFound("detention"));
        var events = await db.Events.AsNoTracking().Include(e => e.People).Where(e => e.People.Any(p => p.PersonId == personId))
            .OrderByDescending(e => e.OccurredAt).ToListAsync(ct);
        bool stopped = detention.ClockStoppedAt is not null;
        return new CustodyGlance(profile, detention, SocialCareOf(personId, events), detention.ReviewsDue(settings, calendar, clock.GetUtcNow()),
            stopped ? null : detention.LimitAt(settings, calendar), detention.LimitHours(settings),
            all.Where(d => d.CustodyId != custodyId).OrderByDescending(d => d.Detained.OccurredAt).ToList());
    }

    /// <summary>The transfer record per local authority for children charged and refused bail in the period.</summary>
    public async Task<IReadOnlyList<TransferRecordRow>> TransferRecordAsync(Actor actor, DateTimeOffset from, DateTimeOffset to, string? unit,
        CancellationToken ct = default)
    {
        var (settings, _) = await RulesSetupAsync(ct);
        // Only people the actor may see are counted: a restricted child (P1) is not revealed by a number either.
        var visible = access.Visible(actor);
        var people = await db.Events.Where(e => e.Type == "custody-charged" && e.OccurredAt >= from && e.OccurredAt < to)
            .SelectMany(e => e.People.Select(p => p.PersonId)).Where(id => visible.Any(p => p.Id == id)).Distinct().ToListAsync(ct);
        var persons = await visible.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var charged = (await DetentionsAsync(people, unit, ct))
            .Where(d => d.BailRefused && d.Charged!.OccurredAt >= from && d.Charged.OccurredAt < to
                && persons.TryGetValue(d.PersonId, out var p) && d.IsChild(Facts(p), settings))
            .ToList();
        var rows = charged.GroupBy(d => d.TransferRequests.Select(r => r.Text("localAuthority")).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a)) ?? "")
            .Select(g =>
            {
                var overnight = g.Where(d => d.InCustodyAt(CustodyDetention.NextNightCheck(d.Charged!.OccurredAt, settings.OvernightCheck))).ToList();
                return new TransferRecordRow(g.Key, g.Key.Length == 0 ? "Local authority not recorded" : names.GetValueOrDefault(g.Key, g.Key),
                    g.Count(), g.Count(d => d.TransferRequests.Count > 0), g.Count(d => d.TransferRequests.Any(r => r.Text("accommodation") == "secure")),
                    g.Count(d => d.TransferOutcomes.Any(o => o.Text("outcome") == "refused")), g.Count(d => d.Transferred is not null),
                    g.Count(d => d.Certificate is not null), overnight.Count, overnight.Count(d => d.TransferRequests.Count == 0));
            })
            .OrderBy(r => r.LocalAuthority.Length == 0).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        await audit.RecordNowAsync(actor, AuditActions.View, "measures", detail: $"custody transfer record: {charged.Count} children charged and refused bail", ct: ct);
        return rows;
    }

    /// <summary>L4: the allocated social worker (the latest event naming one) and the latest social care referral with its answer.</summary>
    public static SocialCareView SocialCareOf(Guid personId, IReadOnlyList<Event> newestFirst)
    {
        var mine = newestFirst.Where(e => e.People.Any(p => p.PersonId == personId)).ToList();
        var named = mine.Select(e => (Event: e, Worker: Text(e.Data, "socialWorker"))).FirstOrDefault(x => x.Worker is not null);
        string? referral = null;
        if (mine.FirstOrDefault(e => e.Type == "referral" && Text(e.Data, "kind") is "social-care" or "mash") is { } sent)
        {
            var answer = mine.FirstOrDefault(e => e.Type == "referral-response" && Text(e.Data, "referralEventId") == sent.Id);
            var to = Text(sent.Data, "to") ?? "children's social care";
            var outcome = answer is null ? "no answer recorded" : $"{Text(answer.Data, "outcome") ?? "answered"} on {answer.OccurredAt.UtcDateTime:d MMMM yyyy}";
            referral = $"Referred to {to} on {sent.OccurredAt.UtcDateTime:d MMMM yyyy}: {outcome}";
        }
        return new SocialCareView(named.Worker, named.Event is null ? null : Vocabulary.Describe(named.Event.Type), named.Event?.OccurredAt, referral);
    }

    /// <summary>Where the detention stands, in words.</summary>
    public static string Stage(CustodyDetention d) =>
        d.Transferred is not null ? "Transferred to the local authority"
        : d.Released is not null ? "Released"
        : d.Certificate is not null ? "Charged, refused bail: transfer certified impracticable"
        : d.BailRefused && d.TransferRequests.Count > 0 ? "Charged, refused bail: local authority asked"
        : d.BailRefused ? "Charged, refused bail: no transfer asked for"
        : d.Charged is not null ? "Charged"
        : "Detained before charge";

    private async Task<List<CustodyDetention>> DetentionsAsync(IReadOnlyCollection<Guid> people, string? unit, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking().Include(e => e.People)
            .Where(e => Types.Contains(e.Type) && e.People.Any(p => people.Contains(p.PersonId))).ToListAsync(ct);
        var chronology = events.Select(ChronologyEvent.From).ToList();
        var units = events.ToDictionary(e => e.Id, e => e.Unit);
        return people.SelectMany(id => CustodyDetention.All(chronology.Where(e => e.Involves(id)), id))
            .Where(d => string.IsNullOrWhiteSpace(unit) || units.GetValueOrDefault(d.Detained.Id) == unit).ToList();
    }

    private async Task<(RuleSettings, Calendar.SafeguardCalendar)> RulesSetupAsync(CancellationToken ct)
    {
        var loader = new HistoryLoader(db);
        return (await loader.SettingsAsync(ct), await loader.CalendarAsync(ct));
    }

    private static PersonFacts Facts(Person p) => new(p.Id, p.DateOfBirth, [], []);

    private static string? Text(string data, string field)
    {
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(data) ? "{}" : data);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(field, out var v)
                && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;
        }
        catch (JsonException) { return null; }
    }
}
