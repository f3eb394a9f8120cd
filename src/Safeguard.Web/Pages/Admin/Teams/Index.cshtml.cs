using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Investigations;

namespace Safeguard.Web.Pages.Admin.Teams;

/// <summary>I1: every team with its skills, capacity and caseload of open investigations; each opens to be changed.</summary>
public sealed class IndexModel(TeamAdministration teams) : PageModel
{
    public IReadOnlyList<TeamView> Teams { get; private set; } = [];

    public async Task OnGetAsync() => Teams = await teams.ListAsync(HttpContext.RequestAborted);
}
