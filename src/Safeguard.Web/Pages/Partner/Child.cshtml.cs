using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Sharing;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Partner;

/// <summary>What is shared with the partner's organisation about one child. A child not shared (never, no longer, or
/// restricted) answers 404 exactly as a child who does not exist.</summary>
public sealed class ChildModel(PartnerPortal portal) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PartnerChildView Child { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Child = await portal.ChildAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            return Page();
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return NotFound();
        }
    }
}
