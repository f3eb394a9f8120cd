using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>The audit's tables (N3), printable: counts per grade, self-assessment against independent grading, per case type.</summary>
public sealed class TablesModel(CaseAuditService audits) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public ExerciseView Exercise { get; private set; } = null!;
    public AuditTableSet Tables { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Exercise = await audits.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            Tables = await audits.TablesAsync(User.ToActor(), Id, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        return Page();
    }
}
