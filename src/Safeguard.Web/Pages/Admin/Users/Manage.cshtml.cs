using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>One user: change role, reset password, disable or enable. Each change is audited and confirmed with a banner.</summary>
public sealed class ManageModel(UserAdministration users) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public UserView Account { get; private set; } = null!;
    public OrganisationChoices Choices { get; private set; } = OrganisationChoices.None;

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnPostRoleAsync() => ChangeAsync(async (actor, ct) =>
    {
        var u = await users.ChangeRoleAsync(actor, Id, Role, Team, Organisation, ct);
        return $"{u.DisplayName} is now {Roles.Describe(u.Role).ToLowerInvariant()}";
    });

    public Task<IActionResult> OnPostPasswordAsync() => ChangeAsync(async (actor, ct) =>
    {
        var u = await users.ResetPasswordAsync(actor, Id, Password, ct);
        return $"Password reset for {u.DisplayName}";
    });

    public Task<IActionResult> OnPostDisableAsync() => ChangeAsync(async (actor, ct) =>
    {
        var u = await users.SetDisabledAsync(actor, Id, true, Reason, ct);
        return $"{u.DisplayName} disabled";
    });

    public Task<IActionResult> OnPostEnableAsync() => ChangeAsync(async (actor, ct) =>
    {
        var u = await users.SetDisabledAsync(actor, Id, false, null, ct);
        return $"{u.DisplayName} enabled";
    });

    private async Task<IActionResult> ChangeAsync(Func<Actor, CancellationToken, Task<string>> change)
    {
        try
        {
            TempData["Notice"] = await change(User.ToActor(), HttpContext.RequestAborted);
            return Redirect($"/admin/users/{Id}");
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            e.Problem.AddTo(ModelState, UserForms.InputFor);
            return await ShowAsync();
        }
    }

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            Account = await users.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return NotFound();
        }
        Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted, Account.Team, Team);
        return Page();
    }
}
