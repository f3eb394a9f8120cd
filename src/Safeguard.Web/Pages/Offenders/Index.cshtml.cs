using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Offenders;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K1: an offender manager's caseload, overdue home visits first, each with the next visit and notification due.
/// An offender manager sees their own; supervisors and administrators see every manager's, or one manager's.</summary>
public sealed class IndexModel(OffenderManagement offenders) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Manager { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public IReadOnlyList<OffenderRow> Rows { get; private set; } = [];
    public bool Mine { get; private set; }

    public async Task OnGetAsync()
    {
        var actor = User.ToActor();
        Mine = actor.Is(Roles.OffenderManager) && string.IsNullOrWhiteSpace(Manager);
        Rows = await offenders.ListAsync(actor, Mine, string.IsNullOrWhiteSpace(Manager) ? null : Manager, Overdue, HttpContext.RequestAborted);
    }
}
