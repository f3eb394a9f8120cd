using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Record.Ppn;

/// <summary>Starts a PPN draft, for a known child when one is given.</summary>
public sealed class StartModel(DraftStore drafts, PersonAccess access) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid? personId)
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return NotFound();
        var draft = new PpnDraft();
        if (personId is { } id)
        {
            try
            {
                var person = await access.GetVisibleAsync(actor, id, HttpContext.RequestAborted);
                (draft.ChildId, draft.ChildName) = (person.Id, person.FullName);
            }
            catch (ProblemException) { return NotFound(); }
        }
        var draftId = await drafts.StartAsync(actor.Id, PpnDraft.Kind, draft, HttpContext.RequestAborted);
        return Redirect($"/record/ppn/{draftId}/{(draft.ChildId is null ? "child" : "concern")}");
    }
}
