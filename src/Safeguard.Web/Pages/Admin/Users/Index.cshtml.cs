using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>Everyone who signs in, a page at a time, with whether they can.</summary>
public sealed class IndexModel(UserAdministration users) : PageModel
{
    public UserPage Result { get; private set; } = new([], 1, UserAdministration.DefaultPageSize, 0);

    public async Task OnGetAsync(int? page) =>
        Result = await users.ListAsync(User.ToActor(), page ?? 1, UserAdministration.DefaultPageSize, HttpContext.RequestAborted);
}
