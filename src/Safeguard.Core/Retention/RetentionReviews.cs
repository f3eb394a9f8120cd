using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Settings;

namespace Safeguard.Core.Retention;

/// <summary>Where a record stands under RT1: its group, its latest activity, when it is next reviewed, whether that is
/// due, the last decision, and why it may not be deleted yet (if so).</summary>
public sealed record RetentionStatus(Guid PersonId, string Name, DateOnly? DateOfBirth, string Group, DateOnly LastActivity,
    DateOnly NextReviewOn, bool Due, RetentionDecision? LastDecision, string? WhyNotDeletable, int Version);

public sealed record RetentionQueuePage(IReadOnlyList<RetentionStatus> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Retention reviews (P5, RT1): the queue of records due for review, and the decision on each, recorded before
/// anything is deleted. Deleting removes the person's personal data (names, date of birth, address, aliases, earlier
/// versions, source references), the content of the events only they take part in, their part in events shared with
/// others, and their flags, tasks, alerts, timers, relationships and match reviews; it keeps the decision as the
/// tombstone (id, when, by whom, why) and the whole access log. From then on the person answers like a record that does
/// not exist, to everyone.</summary>
public sealed class RetentionReviews(SafeguardDb db, PersonAccess access, AuditLog audit, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Supervisors and administrators decide retention reviews.</summary>
    public static bool MayReview(Actor actor) => actor.IsAdministrator || actor.Role == Roles.Supervisor;

    private static void EnsureMayReview(Actor actor)
    {
        if (!MayReview(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only supervisors and administrators review retention."));
    }

    private DateOnly Today => Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow());

    /// <summary>One record's retention status; 404 when the person is not visible (or deleted).</summary>
    public async Task<RetentionStatus> StatusAsync(Actor actor, Guid personId, CancellationToken ct = default)
    {
        EnsureMayReview(actor);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        var status = (await StatusesAsync([person], ct)).Single();
        await audit.RecordNowAsync(actor, AuditActions.View, "retention", personId.ToString(), personId, ct: ct);
        return status;
    }

    /// <summary>The records due for review (next review on or before today), longest overdue first, a page at a time,
    /// with the true total. Each person on the page is written to the access log.</summary>
    public async Task<RetentionQueuePage> QueueAsync(Actor actor, int page, int pageSize, CancellationToken ct = default)
    {
        EnsureMayReview(actor);
        if (page < 1) throw new ProblemException(Problems.Problems.Invalid("page", "must be 1 or more"));
        if (pageSize is < 1 or > MaxPageSize) throw new ProblemException(Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxPageSize}"));
        var people = await access.Visible(actor).AsNoTracking().Where(p => p.MergedIntoId == null).ToListAsync(ct);
        var due = (await StatusesAsync(people, ct)).Where(s => s.Due)
            .OrderBy(s => s.NextReviewOn).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.PersonId).ToList();
        var shown = due.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        await audit.RecordListNowAsync(actor, AuditActions.List, "retention-reviews", shown.Select(s => (Guid?)s.PersonId),
            $"{shown.Count} of {due.Count} records due for review, page {page}", ct: ct);
        return new RetentionQueuePage(shown, due.Count, page, pageSize);
    }

    private async Task<List<RetentionStatus>> StatusesAsync(IReadOnlyList<Person> people, CancellationToken ct)
    {
        var settings = RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));
        var ids = people.Select(p => p.Id).ToList();
        var facts = await (from part in db.EventParticipants
                           join e in db.Events on part.EventId equals e.Id
                           where ids.Contains(part.PersonId)
                           select new { part.PersonId, e.Type, e.OccurredAt }).AsNoTracking().ToListAsync(ct);
        var byPerson = facts.GroupBy(f => f.PersonId).ToDictionary(g => g.Key, g => g.ToList());
        var decisions = (await db.RetentionDecisions.AsNoTracking().Where(d => ids.Contains(d.PersonId)).ToListAsync(ct))
            .GroupBy(d => d.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAt).First());
        var today = Today;
        return people.Select(p =>
        {
            var own = byPerson.GetValueOrDefault(p.Id, []);
            var group = RetentionPolicy.GroupOf(own.Select(f => f.Type));
            // The latest event on the record; a record without events counts from when it was created.
            var last = own.Count > 0 ? own.Max(f => f.OccurredAt) : p.CreatedAt;
            var lastDay = Calendar.SafeguardCalendar.LondonDate(last);
            var decision = decisions.GetValueOrDefault(p.Id);
            var next = RetentionPolicy.NextReview(group, lastDay, decision?.NextReviewOn,
                decision is null ? null : Calendar.SafeguardCalendar.LondonDate(decision.DecidedAt), settings);
            return new RetentionStatus(p.Id, p.FullName, p.DateOfBirth, group, lastDay, next, next <= today, decision,
                RetentionPolicy.WhyNotDeletable(group, p.DateOfBirth, today, settings), p.Version);
        }).ToList();
    }

    /// <summary>Records a review: keep with a new review date (after today, at most the group's review years ahead), or
    /// delete (refused while RT1 keeps the record). A reason is always required. <paramref name="expectedVersion"/> is the
    /// record's version the decision was made on (409 stale-version if it has changed since).</summary>
    public async Task<RetentionDecision> DecideAsync(Actor actor, Guid personId, string? decision, DateOnly? nextReviewOn, string? reason,
        int? expectedVersion = null, CancellationToken ct = default)
    {
        EnsureMayReview(actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonLocks.TakeAsync(db, [personId], ct);
        var person = await access.GetVisibleAsync(actor, personId, ct);
        await db.Entry(person).ReloadAsync(ct);
        var status = (await StatusesAsync([person], ct)).Single();
        var settings = RuleSettings.From(await db.Settings.AsNoTracking().ToListAsync(ct));
        var errors = new Dictionary<string, string[]>();
        var today = Today;
        if (decision is null || !RetentionDecisions.All.Contains(decision)) errors["decision"] = ["Choose keep or delete."];
        else if (decision == RetentionDecisions.Delete && status.WhyNotDeletable is { } why) errors["decision"] = [why];
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["Say why; the decision and its reason are kept for good."];
        else if (reason.Trim().Length > 2000) errors["reason"] = ["Keep the reason to 2,000 characters or fewer."];
        if (decision == RetentionDecisions.Keep)
        {
            var latest = today.AddYears(RetentionPolicy.ReviewYears(status.Group, settings));
            if (nextReviewOn is not { } next) errors["nextReviewOn"] = ["Give the date of the next review."];
            else if (next <= today) errors["nextReviewOn"] = ["The next review must be after today."];
            else if (next > latest) errors["nextReviewOn"] = [$"The next review must be no later than {latest:d MMMM yyyy} ({RetentionPolicy.ReviewYears(status.Group, settings)} years for {RetentionGroups.Describe(status.Group).ToLowerInvariant()})."];
        }
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));
        if (expectedVersion is { } ev && ev != person.Version) throw new ProblemException(Problems.Problems.StaleVersion("record", person.Version));

        var now = clock.GetUtcNow();
        var row = new RetentionDecision
        {
            Id = Guid.NewGuid(), PersonId = personId, Group = status.Group, Decision = decision!,
            NextReviewOn = decision == RetentionDecisions.Keep ? nextReviewOn : null, Reason = reason!.Trim(),
            DecidedBy = actor.Id, DecidedByName = actor.Name, DecidedAt = now,
        };
        db.RetentionDecisions.Add(row);
        audit.Record(actor, AuditActions.Retention, "retention", row.Id.ToString(), personId,
            decision == RetentionDecisions.Keep ? $"kept, next review {nextReviewOn:yyyy-MM-dd}" : "deleted", row.Reason);
        if (decision == RetentionDecisions.Delete) await EraseAsync(actor, person, now, ct);
        else person.Version++;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }

    /// <summary>Why a share ended when its record was deleted; kept on the share and in the access log.</summary>
    public const string ShareEndedByDeletion = "The record was deleted after a retention review.";

    /// <summary>Removes everything personal about the person (and the records merged into theirs), inside the decision's
    /// transaction. Keeps the tombstone rows, the decision and the access log.</summary>
    private async Task EraseAsync(Actor actor, Person person, DateTimeOffset now, CancellationToken ct)
    {
        var id = person.Id;
        // Records merged into this one hold the same person's earlier details: they go too.
        var merged = await db.People.Where(p => p.MergedIntoId == id).ToListAsync(ct);
        var ids = merged.Select(p => p.Id).Append(id).ToList();
        foreach (var p in merged.Append(person)) Blank(p, now);

        db.PersonVersions.RemoveRange(await db.PersonVersions.Where(v => ids.Contains(v.PersonId)).ToListAsync(ct));
        db.PersonSourceRefs.RemoveRange(await db.PersonSourceRefs.Where(r => ids.Contains(r.PersonId)).ToListAsync(ct));
        db.Objects.RemoveRange(await db.Objects.Where(o => o.PersonId != null && ids.Contains(o.PersonId.Value)).ToListAsync(ct));

        // Drafts being typed that name the record (by its id) are dropped: nothing may be recorded about it again.
        var idTexts = ids.Select(x => x.ToString()).ToList();
        var drafts = new List<Recording.Draft>();
        foreach (var text in idTexts)
            drafts.AddRange(await db.Drafts.Where(d => d.Json.Contains(text) || d.Json.Contains(text.ToUpperInvariant())).ToListAsync(ct));
        db.Drafts.RemoveRange(drafts.DistinctBy(d => d.Id));

        // Shares end at once, so no partner reads the tombstone; the share rows stay with who ended them and why.
        var shares = await db.Shares.Where(s => ids.Contains(s.PersonId) && s.EndedAt == null).ToListAsync(ct);
        foreach (var share in shares)
        {
            share.EndedAt = now;
            share.EndedBy = actor.Id;
            share.EndedByName = actor.Name;
            share.EndReason = ShareEndedByDeletion;
            audit.Record(actor, AuditActions.Change, "share", share.Id.ToString(), share.PersonId,
                detail: $"ended the share of {Sharing.ShareScopes.Describe(share.Scope).ToLowerInvariant()} with {share.OrganisationCode}",
                reason: ShareEndedByDeletion);
        }

        // Events only this person takes part in lose their content; in events shared with others, only their part goes.
        var eventIds = await db.EventParticipants.Where(p => ids.Contains(p.PersonId)).Select(p => p.EventId).Distinct().ToListAsync(ct);
        var events = await db.Events.Include(e => e.People).Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        foreach (var e in events)
        {
            if (e.People.All(p => ids.Contains(p.PersonId)))
            {
                e.Data = "{}";
                e.LocationName = null;
                e.LocationPostcode = null;
                db.EventVersions.RemoveRange(await db.EventVersions.Where(v => v.EventId == e.Id).ToListAsync(ct));
            }
            else db.EventParticipants.RemoveRange(e.People.Where(p => ids.Contains(p.PersonId)));
        }

        // Cases only they are in keep their type, id, status and times, but lose their fields and the text of their actions.
        var caseKeys = await db.CasePeople.Where(c => ids.Contains(c.PersonId)).Select(c => new { c.CaseType, c.CaseId }).Distinct().ToListAsync(ct);
        foreach (var key in caseKeys)
        {
            var c = await db.Cases.Include(x => x.People).Include(x => x.Actions)
                .FirstOrDefaultAsync(x => x.Type == key.CaseType && x.Id == key.CaseId, ct);
            if (c is null || !c.People.All(p => ids.Contains(p.PersonId))) continue;
            c.Fields = "{}";
            foreach (var a in c.Actions) a.Text = "";
        }

        var flags = await db.Flags.Include(f => f.Reasons).Include(f => f.History).Where(f => ids.Contains(f.PersonId)).ToListAsync(ct);
        foreach (var f in flags) { db.FlagReasons.RemoveRange(f.Reasons); db.FlagHistory.RemoveRange(f.History); }
        db.Flags.RemoveRange(flags);
        db.Tasks.RemoveRange(await db.Tasks.Where(t => ids.Contains(t.PersonId)).ToListAsync(ct));
        db.Alerts.RemoveRange(await db.Alerts.Where(a => ids.Contains(a.PersonId)).ToListAsync(ct));
        db.Timers.RemoveRange(await db.Timers.Where(t => ids.Contains(t.PersonId)).ToListAsync(ct));
        db.Relationships.RemoveRange(await db.Relationships.Where(r => ids.Contains(r.PersonId) || ids.Contains(r.OtherPersonId)).ToListAsync(ct));
        db.MatchReviews.RemoveRange(await db.MatchReviews.Where(r => ids.Contains(r.IncomingPersonId) || ids.Contains(r.CandidatePersonId)).ToListAsync(ct));
        db.CasePeople.RemoveRange(await db.CasePeople.Where(c => ids.Contains(c.PersonId)).ToListAsync(ct));
    }

    private static void Blank(Person person, DateTimeOffset now)
    {
        person.Forename = ""; person.Surname = ""; person.DateOfBirth = null; person.Gender = null; person.Aliases = [];
        person.AddressLine1 = null; person.Town = null; person.Postcode = null;
        person.ForenameKey = ""; person.SurnameKey = ""; person.ForenamePhonetic = ""; person.SurnamePhonetic = "";
        person.DeletedAt = now;
        person.Version++;
    }
}
