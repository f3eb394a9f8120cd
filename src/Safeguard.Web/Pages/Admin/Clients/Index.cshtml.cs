using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Clients;

/// <summary>The systems that call the API, live ones first, each with a button that revokes its token at once.</summary>
public sealed class IndexModel(ApiClients clients) : PageModel
{
    public IReadOnlyList<ApiClientView> Clients { get; private set; } = [];

    public async Task OnGetAsync() => Clients = await clients.ListAsync(User.ToActor(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        try
        {
            var client = await clients.RevokeAsync(User.ToActor(), id, HttpContext.RequestAborted);
            TempData["Notice"] = $"The token of {client.Name} is revoked: the system it was given to can no longer call the API";
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return NotFound();
        }
        return Redirect("/admin/clients");
    }
}
