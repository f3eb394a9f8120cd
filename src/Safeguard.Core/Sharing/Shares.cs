using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;

namespace Safeguard.Core.Sharing;

/// <summary>A share to make: what, with whom, why and until when.</summary>
public sealed record NewShare(string? Scope, string? EventId, string? Organisation, string? LawfulBasis, string? Purpose, DateTimeOffset? Until);

/// <summary>A share as police read it (the person's page and the API).</summary>
public sealed record ShareView(Guid Id, Guid PersonId, string Scope, string? EventId, string Organisation, string OrganisationName,
    string LawfulBasis, string LawfulBasisName, string? Purpose, string SharedBy, string SharedByName, DateTimeOffset SharedAt, DateTimeOffset Until,
    DateTimeOffset? EndedAt, string? EndedByName, string? EndReason, bool Active)
{
    /// <summary>What the share covers, in words.</summary>
    public string ScopeName => ShareScopes.Describe(Scope);
}

/// <summary>Shares part of a person's record with a partner organisation and ends shares (J1, J2). Those who record
/// (police roles) share what they can see themselves; every share and every ending is in the access log against the
/// person, with the lawful basis and the reason. A share of one event or of a plan names the event, which must be
/// about the person (and, for a plan, be a plan in force for them).</summary>
public sealed class Shares(SafeguardDb db, PersonAccess access, EventService events, AuditLog audit, TimeProvider clock)
{
    /// <summary>The longest a share may last before it must be made again: a year.</summary>
    public static readonly TimeSpan LongestShare = TimeSpan.FromDays(366);
    public const int MaxPurposeLength = 1000;
    public const int MaxReasonLength = 1000;

    /// <summary>Checks a share the way <see cref="ShareAsync"/> would, changing nothing: the check-your-answers step of the
    /// share page asks this before showing the answers back. Throws the same 400 problem with the same fields.</summary>
    public async Task CheckAsync(Actor actor, Guid personId, NewShare input, CancellationToken ct = default) =>
        await ValidateAsync(actor, personId, input, ct);

    public async Task<ShareView> ShareAsync(Actor actor, Guid personId, NewShare input, CancellationToken ct = default)
    {
        var (person, scope, eventId, organisation, purpose) = await ValidateAsync(actor, personId, input, ct);
        var now = clock.GetUtcNow();
        var share = new Share
        {
            Id = Guid.NewGuid(), PersonId = person.Id, Scope = scope!, EventId = eventId, OrganisationCode = organisation!, LawfulBasis = input.LawfulBasis!.Trim(),
            Purpose = purpose, SharedBy = actor.Id, SharedByName = actor.Name, SharedAt = now, Until = input.Until!.Value.ToUniversalTime(),
        };
        db.Shares.Add(share);
        audit.Record(actor, AuditActions.Share, "share", share.Id.ToString(), person.Id,
            detail: $"shared {ShareScopes.Describe(share.Scope).ToLowerInvariant()}{(eventId is null ? "" : $" ({eventId})")} with {organisation} until {share.Until:yyyy-MM-dd HH:mm}Z on {share.LawfulBasis}",
            reason: purpose);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(share, ct);
    }

    /// <summary>Ends a share now, with a reason; the partner loses sight at once. Ending an ended share changes nothing.</summary>
    public async Task<ShareView> EndAsync(Actor actor, Guid shareId, string? reason, CancellationToken ct = default)
    {
        RequireSharer(actor);
        var share = await db.Shares.FirstOrDefaultAsync(s => s.Id == shareId, ct) ?? throw new ProblemException(Problems.Problems.NotFound("share"));
        // A share of a person the actor may not see answers exactly as one that does not exist.
        if (!await access.Visible(actor).AnyAsync(p => p.Id == share.PersonId, ct)) throw new ProblemException(Problems.Problems.NotFound("share"));
        if (string.IsNullOrWhiteSpace(reason)) throw new ProblemException(Problems.Problems.Invalid("reason", "Say why the share is ended; the access log keeps it."));
        if (reason.Trim().Length > MaxReasonLength) throw new ProblemException(Problems.Problems.Invalid("reason", $"The reason must be {MaxReasonLength} characters or fewer."));
        if (share.EndedAt is null)
        {
            share.EndedAt = clock.GetUtcNow();
            share.EndedBy = actor.Id;
            share.EndedByName = actor.Name;
            share.EndReason = reason.Trim();
            audit.Record(actor, AuditActions.Change, "share", share.Id.ToString(), share.PersonId,
                detail: $"ended the share of {ShareScopes.Describe(share.Scope).ToLowerInvariant()} with {share.OrganisationCode}", reason: share.EndReason);
            await db.SaveChangesAsync(ct);
        }
        return await ViewAsync(share, ct);
    }

    /// <summary>Every share of the person, live ones first then newest first, for those who may see the person. Reading them
    /// (the person's share page, <c>GET /people/{id}/shares</c>) is a view of the person, written to the access log.</summary>
    public async Task<IReadOnlyList<ShareView>> ForPersonAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        if (!actor.CanReadPeople) throw new ProblemException(Problems.Problems.NotFound("person"));
        await access.GetVisibleAsync(actor, personId, ct);
        var shares = await db.Shares.AsNoTracking().Where(s => s.PersonId == personId).ToListAsync(ct);
        await audit.RecordNowAsync(actor, AuditActions.View, "shares", personId.ToString(), personId, detail: $"{shares.Count} shares", ct: ct);
        var names = await OrganisationNamesAsync(ct);
        var now = clock.GetUtcNow();
        return shares.OrderByDescending(s => s.IsActive(now)).ThenByDescending(s => s.SharedAt).Select(s => View(s, names, now)).ToList();
    }

    /// <summary>The events of the person the actor could share: every event about them, newest first, and the plans in force.</summary>
    public async Task<(IReadOnlyList<ChronologyChoice> Events, IReadOnlyList<PlanView> Plans)> ShareableAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var mine = await EventsAboutAsync(person.Id, ct);
        var visible = await VisibleEventIdsAsync(actor, mine, ct);
        var shown = mine.Where(e => visible.Contains(e.Id)).ToList();
        var plans = CurrentPlans.Of(person.Id, shown);
        return (shown.Select(e => new ChronologyChoice(e.Id, e.Type, Vocabulary.Describe(e.Type), e.OccurredAt, EventSummary.Of(e.Type, e.Data))).ToList(), plans);
    }

    private async Task<bool> IsAboutAsync(Actor actor, string eventId, Guid personId, string scope, CancellationToken ct)
    {
        Event e;
        try { e = await events.GetVisibleAsync(actor, eventId, ct); }
        catch (ProblemException p) when (p.Problem.Status == 404) { return false; }
        if (e.People.All(p => p.PersonId != personId)) return false;
        if (scope != ShareScopes.Plan) return true;
        var mine = await EventsAboutAsync(personId, ct);
        return CurrentPlans.Of(personId, mine).Any(p => p.EventId == eventId);
    }

    private async Task<List<Event>> EventsAboutAsync(Guid personId, CancellationToken ct) =>
        await db.Events.AsNoTracking().Include(e => e.People).Where(e => e.People.Any(p => p.PersonId == personId))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.RecordedAt).ToListAsync(ct);

    private async Task<HashSet<string>> VisibleEventIdsAsync(Actor actor, List<Event> list, CancellationToken ct)
    {
        var ids = list.SelectMany(e => e.People.Select(p => p.PersonId)).Distinct().ToList();
        var seen = (await access.Visible(actor).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return list.Where(e => e.People.All(p => seen.Contains(p.PersonId))).Select(e => e.Id).ToHashSet();
    }

    private async Task<ShareView> ViewAsync(Share s, CancellationToken ct) => View(s, await OrganisationNamesAsync(ct), clock.GetUtcNow());

    private async Task<Dictionary<string, string>> OrganisationNamesAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);

    internal static ShareView View(Share s, IReadOnlyDictionary<string, string> names, DateTimeOffset now) =>
        new(s.Id, s.PersonId, s.Scope, s.EventId, s.OrganisationCode, names.GetValueOrDefault(s.OrganisationCode, s.OrganisationCode),
            s.LawfulBasis, LawfulBases.Describe(s.LawfulBasis), s.Purpose, s.SharedBy, s.SharedByName, s.SharedAt, s.Until, s.EndedAt, s.EndedByName,
            s.EndReason, s.IsActive(now));

    private async Task<(Person Person, string Scope, string? EventId, string Organisation, string? Purpose)> ValidateAsync(Actor actor, Guid personId, NewShare input, CancellationToken ct)
    {
        RequireSharer(actor);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var scope = input.Scope?.Trim();
        if (scope is null || !ShareScopes.All.Contains(scope))
            errors["scope"] = ["Choose what to share: the whole record, one event or a plan."];
        var organisation = input.Organisation?.Trim();
        if (string.IsNullOrEmpty(organisation)) errors["organisation"] = ["Choose the organisation to share with."];
        else if (!await db.Organisations.AnyAsync(o => o.Code == organisation, ct)) errors["organisation"] = [$"There is no partner organisation '{organisation}'."];
        if (!LawfulBases.IsKnown(input.LawfulBasis?.Trim())) errors["lawfulBasis"] = ["Choose the lawful basis for sharing."];
        var purpose = string.IsNullOrWhiteSpace(input.Purpose) ? null : input.Purpose.Trim();
        if (purpose is { Length: > MaxPurposeLength }) errors["purpose"] = [$"The purpose must be {MaxPurposeLength} characters or fewer."];
        if (input.Until is not { } until) errors["until"] = ["Give the date the share ends."];
        else if (until <= now) errors["until"] = ["The date the share ends must be in the future."];
        else if (until > now + LongestShare) errors["until"] = ["A share may last at most a year; share again when it ends."];

        string? eventId = null;
        if (scope is ShareScopes.Event or ShareScopes.Plan)
        {
            eventId = input.EventId?.Trim();
            if (string.IsNullOrEmpty(eventId)) errors["eventId"] = [scope == ShareScopes.Plan ? "Choose the plan to share." : "Choose the event to share."];
            else if (!await IsAboutAsync(actor, eventId, person.Id, scope, ct))
                errors["eventId"] = [scope == ShareScopes.Plan ? $"No plan in force for this person was recorded by event '{eventId}'." : $"No event '{eventId}' about this person exists."];
        }
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        return (person, scope!, eventId, organisation!, purpose);
    }


    private static void RequireSharer(Actor actor)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not share records with partners."));
    }
}

/// <summary>An event the sharer may choose to share.</summary>
public sealed record ChronologyChoice(string EventId, string Type, string Description, DateTimeOffset OccurredAt, string Summary);
