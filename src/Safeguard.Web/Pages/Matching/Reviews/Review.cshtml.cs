using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.MatchReviews;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Matching.Reviews;

/// <summary>One possible match: the two records side by side with the reasons, and the decision
/// (same person: link, which merges; different people: keep apart), each with a reason.</summary>
public sealed class ReviewModel(MatchReviewService reviews, SafeguardDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? LinkReason { get; set; }
    [BindProperty] public string? KeepApartReason { get; set; }

    public MatchReviewItem Item { get; private set; } = null!;
    /// <summary>How many events each record takes part in, so the reviewer sees what a merge joins up.</summary>
    public (int Incoming, int Candidate) EventCounts { get; private set; }
    public IReadOnlyList<string> IncomingSources { get; private set; } = [];
    public IReadOnlyList<string> CandidateSources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostLinkAsync() => DecideAsync(MatchReviewService.Link, LinkReason, nameof(LinkReason));

    public Task<IActionResult> OnPostKeepApartAsync() => DecideAsync(MatchReviewService.KeepApart, KeepApartReason, nameof(KeepApartReason));

    private async Task<IActionResult> DecideAsync(string decision, string? reason, string field)
    {
        try
        {
            var review = await reviews.DecideAsync(User.ToActor(), Id, decision, reason, HttpContext.RequestAborted);
            return Redirect(review.Status == MatchReviewStatus.Linked ? $"/people/{review.CandidatePersonId}" : $"/matching/reviews/{Id}");
        }
        catch (ProblemException e) when (e.Problem.Status is not (403 or 404))
        {
            e.Problem.AddTo(ModelState, f => f == "reason" ? field : f);
            return await LoadAsync() ? Page() : NotFound();
        }
        catch (ProblemException) { return NotFound(); }
    }

    private async Task<bool> LoadAsync()
    {
        if (!MatchReviewService.MayReview(User.ToActor())) return false;
        try { Item = await reviews.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted); }
        catch (ProblemException) { return false; }
        var ids = new[] { Item.Incoming.Id, Item.Candidate.Id };
        var counts = await db.EventParticipants.Where(p => ids.Contains(p.PersonId)).GroupBy(p => p.PersonId)
            .Select(g => new { g.Key, Count = g.Select(p => p.EventId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, HttpContext.RequestAborted);
        EventCounts = (counts.GetValueOrDefault(Item.Incoming.Id), counts.GetValueOrDefault(Item.Candidate.Id));
        var sources = await db.PersonSourceRefs.Where(r => ids.Contains(r.PersonId)).ToListAsync(HttpContext.RequestAborted);
        IncomingSources = sources.Where(s => s.PersonId == Item.Incoming.Id).Select(s => $"{s.System} {s.SourceId}").ToList();
        CandidateSources = sources.Where(s => s.PersonId == Item.Candidate.Id).Select(s => $"{s.System} {s.SourceId}").ToList();
        return true;
    }
}
