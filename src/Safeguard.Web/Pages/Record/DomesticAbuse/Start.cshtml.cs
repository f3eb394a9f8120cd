using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Recording;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Record.DomesticAbuse;

/// <summary>Starts a domestic abuse incident draft.</summary>
public sealed class StartModel(DraftStore drafts) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return NotFound();
        var id = await drafts.StartAsync(actor.Id, DomesticAbuseDraft.Kind, new DomesticAbuseDraft(), HttpContext.RequestAborted);
        return Redirect($"/record/domestic-abuse/{id}/people");
    }
}
