using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.Flags;

/// <summary>An event that can be given as evidence for a flag.</summary>
public sealed record EvidenceEvent(string Id, string Type, DateTimeOffset OccurredAt);

/// <summary>Flags by hand and by rule (C2–C4). Raising by hand needs a reason; a user who may decide
/// flags raises it confirmed, anyone else raises a suggestion for a supervisor to confirm or reject.
/// Every step is kept in the flag's history.</summary>
public sealed class FlagService(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    public const string ByHand = "by-hand";

    /// <summary>The person's latest events, newest first, to choose the evidence for a flag from.</summary>
    public async Task<IReadOnlyList<EvidenceEvent>> EvidenceChoicesAsync(Actor actor, Guid personId, int take = 30, CancellationToken ct = default)
    {
        var person = await access.GetVisibleAsync(actor, personId, ct);
        return await db.Events.Where(e => db.EventParticipants.Where(p => p.PersonId == person.Id).Select(p => p.EventId).Contains(e.Id))
            .OrderByDescending(e => e.OccurredAt).Take(take).Select(e => new EvidenceEvent(e.Id, e.Type, e.OccurredAt)).ToListAsync(ct);
    }

    public async Task<Flag> RaiseAsync(Actor actor, Guid personId, string code, string? reason, IReadOnlyList<string>? eventIds,
        DateOnly? reviewDate = null, CancellationToken ct = default)
    {
        if (!actor.CanRecord) throw new ProblemException(Problems.Problems.Forbidden("Your role may not raise flags."));
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var errors = new Dictionary<string, string[]>();
        if (!FlagCodes.IsKnown(code ?? "")) errors["code"] = [$"Choose a flag: {string.Join(", ", FlagCodes.Names.Keys)}."];
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["Give the reason for the flag."];
        else if (reason.Length > 2000) errors["reason"] = ["The reason must be 2000 characters or fewer."];
        var ids = (eventIds ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToList();
        if (ids.Count > 0)
        {
            var known = await db.EventParticipants.Where(p => p.PersonId == person.Id && ids.Contains(p.EventId)).Select(p => p.EventId).ToListAsync(ct);
            var unknown = ids.Except(known).ToList();
            if (unknown.Count > 0) errors["eventIds"] = [$"These events do not involve this person: {string.Join(", ", unknown)}."];
        }
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        // The person's lock makes the check and the insert one step; the unique index on live flags stands behind it.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await PersonLocks.TakeAsync(db, [person.Id], ct);
        if (await db.Flags.AnyAsync(f => f.PersonId == person.Id && f.Code == code && (f.Status == FlagStatus.Confirmed || f.Status == FlagStatus.Suggested), ct))
            throw new ProblemException(Problems.Problems.Conflict($"This person already has a current '{code}' flag; add to it or end it first."));

        var now = clock.GetUtcNow();
        var status = actor.CanDecideFlags ? FlagStatus.Confirmed : FlagStatus.Suggested;
        var flag = RaisedByHand(Guid.NewGuid(), person.Id, code!, status, now, actor.Name, reason!.Trim(), ids, reviewDate);
        db.Flags.Add(flag);
        audit.Record(actor, AuditActions.Create, "flag", flag.Id.ToString(), person.Id, code);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return flag;
    }

    /// <summary>A flag raised by hand at <paramref name="at"/>: confirmed (decided by the raiser) or suggested, with its reason and
    /// first step; reviewed three months on unless a date is given. For <see cref="RaiseAsync"/> and a bulk load.</summary>
    internal static Flag RaisedByHand(Guid id, Guid personId, string code, string status, DateTimeOffset at, string by, string reason,
        List<string> eventIds, DateOnly? reviewDate = null)
    {
        var confirmed = status == FlagStatus.Confirmed;
        var flag = new Flag
        {
            Id = id, PersonId = personId, Code = code, Status = status, Since = at, RaisedBy = by,
            ReviewDate = reviewDate ?? Calendar.SafeguardCalendar.LondonDate(at).AddMonths(3),
            DecidedAt = confirmed ? at : null, DecidedBy = confirmed ? by : null,
        };
        flag.Reasons.Add(new FlagReason { Rule = ByHand, Explanation = reason, EventIds = eventIds, At = at });
        flag.History.Add(new FlagHistoryEntry { At = at, By = by, Status = status, Reason = reason });
        return flag;
    }

    public Task<Flag> ConfirmAsync(Actor actor, Guid personId, Guid flagId, string? reason, CancellationToken ct = default, int? expectedVersion = null) =>
        DecideAsync(actor, personId, flagId, FlagStatus.Confirmed, reason, reasonRequired: false, expectedVersion, ct);

    public Task<Flag> RejectAsync(Actor actor, Guid personId, Guid flagId, string? reason, CancellationToken ct = default, int? expectedVersion = null) =>
        DecideAsync(actor, personId, flagId, FlagStatus.Rejected, reason, reasonRequired: true, expectedVersion, ct);

    public Task<Flag> EndAsync(Actor actor, Guid personId, Guid flagId, string? reason, CancellationToken ct = default, int? expectedVersion = null) =>
        DecideAsync(actor, personId, flagId, FlagStatus.Ended, reason, reasonRequired: true, expectedVersion, ct);

    /// <summary>One decision at a time per person: the person's lock is taken before the flag is read, so of two
    /// decisions on one flag at once the second sees the first and is refused (409), never both applied.</summary>
    private async Task<Flag> DecideAsync(Actor actor, Guid personId, Guid flagId, string newStatus, string? reason,
        bool reasonRequired, int? expectedVersion, CancellationToken ct)
    {
        if (!actor.CanDecideFlags) throw new ProblemException(Problems.Problems.Forbidden("Only a supervisor or investigator may confirm, reject or end flags."));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await PersonLocks.TakeAsync(db, [personId], ct);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var flag = await db.Flags.Include(f => f.Reasons).Include(f => f.History).FirstOrDefaultAsync(f => f.Id == flagId && f.PersonId == person.Id, ct)
            ?? throw new ProblemException(Problems.Problems.NotFound("flag"));
        if (reasonRequired && string.IsNullOrWhiteSpace(reason))
            throw new ProblemException(Problems.Problems.Invalid("reason", $"Give the reason the flag is {newStatus}."));
        if (reason is { Length: > 2000 }) throw new ProblemException(Problems.Problems.Invalid("reason", "The reason must be 2000 characters or fewer."));
        if (expectedVersion is { } expected && expected != flag.Version)
            throw new ProblemException(Problems.Problems.StaleVersion("flag", flag.Version));
        if (!FlagTransitions.IsLegal(flag.Status, newStatus, FlagStepBy.Decision))
            throw new ProblemException(Problems.Problems.IllegalTransition(FlagTransitions.Explain(flag.Status, newStatus, FlagStepBy.Decision)));

        var now = clock.GetUtcNow();
        flag.Status = newStatus;
        flag.Version++;
        if (newStatus == FlagStatus.Ended) { flag.EndedAt = now; flag.EndReason = reason!.Trim(); }
        else { flag.DecidedAt = now; flag.DecidedBy = actor.Name; }
        flag.History.Add(new FlagHistoryEntry { At = now, By = actor.Name, Status = newStatus, Reason = reason?.Trim() ?? "" });
        audit.Record(actor, AuditActions.Change, "flag", flag.Id.ToString(), person.Id, $"{flag.Code} {newStatus}", reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(Problems.Problems.StaleVersion("flag", flag.Version - 1));
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return flag;
    }
}
