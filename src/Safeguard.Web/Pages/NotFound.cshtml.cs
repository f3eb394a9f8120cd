using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

/// <summary>The page for a 404 (<c>app.UseStatusCodePagesWithReExecute("/not-found")</c>). A record the
/// user may not see gets this same page, so that a refusal does not reveal that the record exists.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status404NotFound;

    public void OnPost() => Response.StatusCode = StatusCodes.Status404NotFound;
}
