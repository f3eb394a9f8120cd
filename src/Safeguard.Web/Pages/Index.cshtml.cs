using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Pages;

/// <summary>The start page. A partner practitioner's home is the partner portal, so they are sent there.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.IsInRole(Roles.PartnerPractitioner) ? Redirect("/partner") : Page();
}
