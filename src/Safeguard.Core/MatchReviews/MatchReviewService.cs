using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Import;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;

namespace Safeguard.Core.MatchReviews;

/// <summary>A review with the two records it compares, as the actor may see them.</summary>
public sealed record MatchReviewItem(MatchReview Review, Person Incoming, Person Candidate);

/// <summary>A page of possible matches with the true number of them.</summary>
public sealed record MatchReviewPage(IReadOnlyList<MatchReviewItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The queue of uncertain matches (D5, O): a possible match is queued rather than guessed, and a
/// supervisor, investigator or administrator decides "same person" (the records are merged) or
/// "different people" (they stay apart, and the decision is kept so nobody asks again).</summary>
public sealed class MatchReviewService(SafeguardDb db, PersonAccess access, MergeService merges, AuditLog audit, TimeProvider clock)
{
    public const string Link = "link";
    public const string KeepApart = "keep-apart";
    public const string FromCreation = "creation";

    public static string FromImport(string system) => "import:" + system;

    /// <summary>Queues each candidate once per pair; asking again about a pair already queued adds nothing.
    /// Saved with the caller's next save unless <paramref name="save"/>.</summary>
    public async Task<int> QueueAsync(Guid incomingId, IEnumerable<MatchCandidate> candidates, string source, CancellationToken ct = default,
        bool save = false)
    {
        int added = 0;
        foreach (var c in candidates.Where(c => c.PersonId != incomingId))
        {
            bool known = await db.MatchReviews.AnyAsync(r => (r.IncomingPersonId == incomingId && r.CandidatePersonId == c.PersonId)
                || (r.IncomingPersonId == c.PersonId && r.CandidatePersonId == incomingId), ct);
            if (known || db.MatchReviews.Local.Any(r => r.IncomingPersonId == incomingId && r.CandidatePersonId == c.PersonId)) continue;
            db.MatchReviews.Add(NewReview(incomingId, c, source));
            added++;
        }
        if (save) await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Queues each candidate for a person created in the caller's unit of work, not yet saved: no review
    /// can name them yet, so nothing is looked up (the importer queues a whole batch this way).</summary>
    public void QueueForNewPerson(Guid incomingId, IEnumerable<MatchCandidate> candidates, string source)
    {
        foreach (var c in candidates.Where(c => c.PersonId != incomingId).DistinctBy(c => c.PersonId))
            db.MatchReviews.Add(NewReview(incomingId, c, source));
    }

    private MatchReview NewReview(Guid incomingId, MatchCandidate c, string source) => new()
    {
        Id = Guid.NewGuid(), IncomingPersonId = incomingId, CandidatePersonId = c.PersonId, Score = c.Score, Reasons = c.Reasons.ToList(),
        Source = source, CreatedAt = clock.GetUtcNow(),
    };

    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 1000;

    /// <summary>Reviews the actor may decide, newest first, optionally of one status (the first <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<MatchReviewItem>> ListAsync(Actor actor, string? status, int limit = 200, CancellationToken ct = default) =>
        (await ListPageAsync(actor, status, 1, Math.Clamp(limit, 1, MaxPageSize), ct)).Items;

    /// <summary>One page of the reviews the actor may decide, newest first, optionally of one status, with the true total.
    /// A page below 1 or a page size outside 1 to <see cref="MaxPageSize"/> is refused (400).</summary>
    public async Task<MatchReviewPage> ListPageAsync(Actor actor, string? status, int page, int pageSize, CancellationToken ct = default)
    {
        EnsureMayReview(actor);
        if (status is not null && !MatchReviewStatus.All.Contains(status))
            throw new ProblemException(Problems.Problems.Invalid("status", $"must be one of {string.Join(", ", MatchReviewStatus.All)}"));
        if (page < 1) throw new ProblemException(Problems.Problems.Invalid("page", "must be 1 or more"));
        if (pageSize is < 1 or > MaxPageSize) throw new ProblemException(Problems.Problems.Invalid("pageSize", $"must be from 1 to {MaxPageSize}"));
        var visible = access.Visible(actor);
        var query = db.MatchReviews.Where(r => status == null || r.Status == status)
            .Where(r => visible.Any(p => p.Id == r.IncomingPersonId) && visible.Any(p => p.Id == r.CandidatePersonId));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = rows.SelectMany(r => new[] { r.IncomingPersonId, r.CandidatePersonId }).Distinct().ToList();
        var people = await visible.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        await audit.RecordListNowAsync(actor, AuditActions.List, "match-reviews", ids.Select(i => (Guid?)i), $"{rows.Count} of {total} reviews, page {page}", ct: ct);
        return new MatchReviewPage(rows.Select(r => new MatchReviewItem(r, people[r.IncomingPersonId], people[r.CandidatePersonId])).ToList(), total, page, pageSize);
    }

    public async Task<MatchReviewItem> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        EnsureMayReview(actor);
        var review = await db.MatchReviews.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new ProblemException(Problems.Problems.NotFound("match review"));
        Person incoming, candidate;
        try
        {
            incoming = await access.GetVisibleAsync(actor, review.IncomingPersonId, ct);
            candidate = await access.GetVisibleAsync(actor, review.CandidatePersonId, ct);
        }
        catch (ProblemException) { throw new ProblemException(Problems.Problems.NotFound("match review")); }
        audit.Record(actor, AuditActions.View, "match-review", id.ToString(), review.IncomingPersonId);
        audit.Record(actor, AuditActions.View, "match-review", id.ToString(), review.CandidatePersonId);
        await db.SaveChangesAsync(ct);
        return new MatchReviewItem(review, incoming, candidate);
    }

    /// <summary>Decides a review: <see cref="Link"/> merges the incoming record into the existing one;
    /// <see cref="KeepApart"/> records that they are different people. Both people's locks are held while deciding,
    /// so of two decisions at once the second finds the review decided and is refused (409).</summary>
    /// <remarks><c>expectedVersion</c>: the review's version the decision was made on, if the caller names one.</remarks>
    public async Task<MatchReview> DecideAsync(Actor actor, Guid id, string? decision, string? reason, CancellationToken ct = default,
        int? expectedVersion = null)
    {
        var review = (await GetAsync(actor, id, ct)).Review;
        var errors = new Dictionary<string, string[]>();
        if (decision is not (Link or KeepApart)) errors["decision"] = [$"must be '{Link}' or '{KeepApart}'"];
        if (string.IsNullOrWhiteSpace(reason)) errors["reason"] = ["Say why you decided this."];
        if (errors.Count > 0) throw new ProblemException(Problems.Problems.Invalid(errors));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await PersonLocks.TakeAsync(db, [review.IncomingPersonId, review.CandidatePersonId], ct);
        await db.Entry(review).ReloadAsync(ct);
        if (expectedVersion is { } expected && expected != review.Version)
            throw new ProblemException(Problems.Problems.StaleVersion("match review", review.Version));
        if (review.Status != MatchReviewStatus.Open) throw new ProblemException(Problems.Problems.Conflict($"This review was already decided ({review.Status})."));
        if (decision == Link)
        {
            // The older, existing record survives: it is the one other records and people already cite.
            var merge = await merges.MergeAsync(actor, review.CandidatePersonId, review.IncomingPersonId, reason, ct);
            review.MergeId = merge.Id;
        }
        review.Status = decision == Link ? MatchReviewStatus.Linked : MatchReviewStatus.KeptApart;
        review.DecidedBy = actor.Id;
        review.DecidedAt = clock.GetUtcNow();
        review.Reason = reason!.Trim();
        review.Version++;
        audit.Record(actor, AuditActions.Change, "match-review", id.ToString(), review.IncomingPersonId, $"decided {review.Status}", review.Reason);
        audit.Record(actor, AuditActions.Change, "match-review", id.ToString(), review.CandidatePersonId, $"decided {review.Status}", review.Reason);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ProblemException(Problems.Problems.StaleVersion("match review", review.Version - 1));
        }
        await tx.CommitAsync(ct);
        return review;
    }

    public static bool MayReview(Actor actor) => MergeService.MayMerge(actor);

    private static void EnsureMayReview(Actor actor)
    {
        if (!MayReview(actor)) throw new ProblemException(Problems.Problems.Forbidden("Only supervisors, investigators and administrators review possible matches."));
    }
}
