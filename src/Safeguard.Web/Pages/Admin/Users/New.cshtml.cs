using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>Adds a user with a role, team or organisation and a first password; audited.</summary>
public sealed class NewModel(UserAdministration users) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Password { get; set; }
    public IReadOnlyList<Choice> RoleChoices => UserForms.RoleChoices;
    public OrganisationChoices Choices { get; private set; } = OrganisationChoices.None;

    public async Task OnGetAsync() => Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var user = await users.AddAsync(User.ToActor(), new NewUser(Username, DisplayName, Role, Team, Organisation, Password), HttpContext.RequestAborted);
            TempData["Notice"] = $"{user.DisplayName} added as {user.Username} ({Roles.Describe(user.Role)})";
            return Redirect("/admin/users");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, UserForms.InputFor);
            Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted, Team);
            return Page();
        }
    }
}
