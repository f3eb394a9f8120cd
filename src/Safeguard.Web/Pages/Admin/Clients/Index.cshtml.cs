using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Clients;

/// <summary>The systems that call the API, live ones first, each with a button that revokes its token at once.</summary>
public sealed class IndexModel(ApiClients clients, UserAdministration users) : PageModel
{
    public IReadOnlyList<ApiClientView> Clients { get; private set; } = [];

    /// <summary>Team and organisation names by code, so the list reads "North missing persons unit", not its code.</summary>
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The team or organisation a client works for, by name; the code when it is not (or no longer) set up.</summary>
    public string UnitOf(ApiClientView c) => (c.Team ?? c.Organisation) is { } code ? UnitNames.GetValueOrDefault(code, code) : "";

    public async Task OnGetAsync()
    {
        Clients = await clients.ListAsync(User.ToActor(), HttpContext.RequestAborted);
        var choices = await Users.UserForms.ChoicesAsync(users, HttpContext.RequestAborted);
        UnitNames = choices.Teams.Concat(choices.Organisations).GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.First().Text);
    }

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
