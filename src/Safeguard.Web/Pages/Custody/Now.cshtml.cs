using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Custody;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Custody;

/// <summary>L1: every child in custody now, longest held first, with the detention time, the next review due, the limit,
/// the appropriate adult and flags.</summary>
public sealed class NowModel(CustodyBoard board, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CustodyNowEntry> Items { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Items = await board.NowAsync(User.ToActor(), HttpContext.RequestAborted);
        return Page();
    }
}
