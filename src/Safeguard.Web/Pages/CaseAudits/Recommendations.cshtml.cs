using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>The audit's recommendations as tracked actions: owner, timescale, due date, status; mark one done.</summary>
public sealed class RecommendationsModel(CaseAuditService audits) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public bool Added { get; set; }
    [BindProperty(SupportsGet = true)] public int? Done { get; set; }
    [BindProperty] public Guid RecommendationId { get; set; }

    public ExerciseView Exercise { get; private set; } = null!;
    public IReadOnlyList<RecommendationView> Recommendations { get; private set; } = [];
    public bool MayAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Mark one done.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var done = await audits.MarkDoneAsync(User.ToActor(), Id, RecommendationId, null, HttpContext.RequestAborted);
            return Redirect($"/case-audits/{Id}/recommendations?done={done.Number}");
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        catch (ProblemException e) when (e.Problem.Status == 409) { return Redirect($"/case-audits/{Id}/recommendations"); }
    }

    private async Task<bool> LoadAsync()
    {
        MayAudit = CaseAuditService.MayAudit(User.ToActor());
        try
        {
            Exercise = await audits.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            Recommendations = await audits.RecommendationsAsync(User.ToActor(), Id, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        return true;
    }
}
