using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>One exercise: what it samples, drawing the sample (auditors, once), and the sample with each case's person and
/// grades so far. The people listed are logged, one row each.</summary>
public sealed class ShowModel(CaseAuditService audits) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public bool Created { get; set; }
    [BindProperty(SupportsGet = true)] public bool Drawn { get; set; }
    [BindProperty(SupportsGet = true)] public int? Graded { get; set; }

    public ExerciseView Exercise { get; private set; } = null!;
    public IReadOnlyList<SampleItem> Sample { get; private set; } = [];
    public bool MayAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Exercise = await audits.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            Sample = Exercise.DrawnAt is null ? [] : await audits.SampleAsync(User.ToActor(), Id, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        MayAudit = CaseAuditService.MayAudit(User.ToActor());
        return Page();
    }

    /// <summary>Draw the sample.</summary>
    public async Task<IActionResult> OnPostDrawAsync()
    {
        if (!CaseAuditService.MayAudit(User.ToActor())) return Forbid();
        try { await audits.DrawAsync(User.ToActor(), Id, HttpContext.RequestAborted); }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        catch (ProblemException e) when (e.Problem.Status == 409) { }
        return Redirect($"/case-audits/{Id}?drawn=true");
    }
}
