using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Custody;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Custody;

/// <summary>L4: one detention at a glance for the custody officer — the child's flags, plans, open tasks, alerts and
/// social worker beside the detention clock (next review, limit) and the transfer record, with what to record next.</summary>
public sealed class DetentionModel(CustodyBoard board, TimeProvider clock) : PageModel
{
    public CustodyGlance Glance { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(string custodyId)
    {
        try
        {
            Glance = await board.GlanceAsync(User.ToActor(), custodyId, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        Now = clock.GetUtcNow();
        return Page();
    }
}
