using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.MatchReviews;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Matching.Reviews;

/// <summary>Possible matches waiting for a decision (D5, O), newest first. Only those who may merge see
/// the queue; to anyone else it does not exist (P1).</summary>
public sealed class IndexModel(MatchReviewService reviews) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = MatchReviewStatus.Open;

    public IReadOnlyList<MatchReviewItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        if (!MatchReviewService.MayReview(actor)) return NotFound();
        if (!MatchReviewStatus.All.Contains(Status)) Status = MatchReviewStatus.Open;
        Items = await reviews.ListAsync(actor, Status, ct: HttpContext.RequestAborted);
        return Page();
    }
}
