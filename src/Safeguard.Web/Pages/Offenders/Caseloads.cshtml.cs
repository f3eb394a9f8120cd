using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Offenders;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K2, SO4: offenders per offender manager and per unit against the caseload setting; units over it first and marked.</summary>
public sealed class CaseloadsModel(OffenderManagement offenders) : PageModel
{
    public CaseloadReport Report { get; private set; } = null!;

    public async Task OnGetAsync() => Report = await offenders.CaseloadsAsync(User.ToActor(), HttpContext.RequestAborted);
}
