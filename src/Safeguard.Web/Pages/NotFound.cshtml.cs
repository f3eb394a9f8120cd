using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

/// <summary>The page for a 404, and for a 403 (a page the user's role may not use: <see cref="Hosting.PageAccess"/>) (<c>app.UseStatusCodePagesWithReExecute("/not-found")</c>). A record the
/// user may not see gets this same page, so that a refusal does not reveal that the record exists.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    /// <summary>The status being shown: 404, or another 4xx re-executed here (e.g. 400 for a form
    /// posted without its anti-forgery token), which keeps its own status. Such a 4xx comes from the
    /// framework before any page handler runs (no page answers a bare 4xx after saving), so the page's
    /// "nothing from it was saved" is true; it must never promise that answers were kept.</summary>
    public int Status { get; private set; }

    /// <summary>The signed-in user's role in words, for the 403 page.</summary>
    public string? RoleName { get; private set; }

    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        if (Response.StatusCode is < 400 or >= 500) Response.StatusCode = StatusCodes.Status404NotFound;
        Status = Response.StatusCode;
        var role = User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value;
        RoleName = role is not null && Core.Organisation.Roles.All.Contains(role) ? Core.Organisation.Roles.Describe(role) : null;
    }
}
