using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Missing;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Missing;

/// <summary>F1, MI1: the control room's list of every child missing now, high risk first, then the longest missing.</summary>
public sealed class NowModel(MissingNowReader reader) : PageModel
{
    public MissingNowPage Result { get; private set; } = new([], 1, MissingNowReader.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return NotFound();
        Result = await reader.ListAsync(actor, page ?? 1, MissingNowReader.DefaultPageSize, HttpContext.RequestAborted);
        return Page();
    }
}
