using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Admin.Users;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Clients;

/// <summary>Issues a token to a new API client with a role, team or organisation. The token is shown on the answer to
/// this form and nowhere else: not kept in the database (only its hash), not carried to another page.</summary>
public sealed class NewModel(ApiClients clients, UserAdministration users) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    public IReadOnlyList<Choice> RoleChoices => UserForms.RoleChoices;
    public OrganisationChoices Choices { get; private set; } = OrganisationChoices.None;

    /// <summary>Set once the token is issued: the page then shows it, once.</summary>
    public IssuedClient? Issued { get; private set; }

    public async Task OnGetAsync() => Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            Issued = await clients.IssueAsync(User.ToActor(), Name, Role, Team, Organisation, HttpContext.RequestAborted);
            Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted, Team, Organisation);
            return Page();
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, field => field switch { "name" => "Name", _ => UserForms.InputFor(field) });
            Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted, Team);
            return Page();
        }
    }

    /// <summary>A team's or organisation's name by its code, as the choices name it.</summary>
    public string UnitName(string code) => Choices.Teams.Concat(Choices.Organisations).FirstOrDefault(c => c.Value == code)?.Text ?? code;
}
