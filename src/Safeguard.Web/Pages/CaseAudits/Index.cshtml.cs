using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.CaseAudits;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>The case audit exercises (N1–N3), newest first.</summary>
public sealed class IndexModel(CaseAuditService audits) : PageModel
{
    public IReadOnlyList<ExerciseView> Exercises { get; private set; } = [];
    public bool MayAudit { get; private set; }

    public async Task OnGetAsync()
    {
        MayAudit = CaseAuditService.MayAudit(User.ToActor());
        Exercises = await audits.ListAsync(User.ToActor(), HttpContext.RequestAborted);
    }
}
