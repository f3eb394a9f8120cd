using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.AccessLog;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin;

/// <summary>Administrators search the access log (P2): who looked at or changed what, when and why.</summary>
public sealed class AuditModel(AccessLogSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await search.SearchAsync(User.ToActor(), new AccessLogSearch.Filter(PersonId, Actor, Action, null, null), 200, HttpContext.RequestAborted);
}
