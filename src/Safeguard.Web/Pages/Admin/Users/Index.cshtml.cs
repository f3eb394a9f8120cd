using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>Everyone who signs in, a page at a time, with whether they can; their team or organisation by name. The
/// whole list downloads as CSV or an Excel workbook (issue 8 point 9).</summary>
public sealed class IndexModel(UserAdministration users, ListExport export) : PageModel
{
    public UserPage Result { get; private set; } = new([], 1, UserAdministration.DefaultPageSize, 0);
    public OrganisationChoices Choices { get; private set; } = OrganisationChoices.None;

    public async Task OnGetAsync(int? page)
    {
        Result = await users.ListAsync(User.ToActor(), page ?? 1, UserAdministration.DefaultPageSize, HttpContext.RequestAborted);
        Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted);
    }

    /// <summary>The team or organisation a user belongs to, by name.</summary>
    public string TeamOrOrganisation(UserView u) =>
        u.Team is not null ? Choices.Team(u.Team) : u.Organisation is not null ? Choices.Organisation(u.Organisation) : "";

    /// <summary>Every user (up to 1,000, by username) as CSV or an Excel workbook; the export is written to the access log.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = ExportDownload.Format(format);
        var actor = User.ToActor();
        Choices = await UserForms.ChoicesAsync(users, HttpContext.RequestAborted);
        var all = new List<UserView>();
        for (var page = 1; all.Count < ListExport.MaxRows; page++)
        {
            var batch = await users.ListAsync(actor, page, 200, HttpContext.RequestAborted);
            all.AddRange(batch.Users.Take(ListExport.MaxRows - all.Count));
            if (page >= batch.Pages) break;
        }
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "users", "users",
            ["Username", "Name", "Role", "Team", "Organisation", "Status"],
            all.Select(u => (IReadOnlyList<string?>)[u.Username, u.DisplayName, Roles.Describe(u.Role), u.Team is null ? "" : Choices.Team(u.Team),
                u.Organisation is null ? "" : Choices.Organisation(u.Organisation), u.Disabled ? "Disabled" : u.LockedOut ? "Locked out" : "Active"]).ToList(),
            []);
    }
}
