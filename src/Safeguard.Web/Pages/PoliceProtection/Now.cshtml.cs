using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.PoliceProtection;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.PoliceProtection;

/// <summary>I7, PP1: every child in police protection now, the soonest 72-hour limit first, with whether the local
/// authority has been told.</summary>
public sealed class NowModel(PoliceProtectionBoard board, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PoliceProtectionSpell> Items { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Items = await board.NowAsync(User.ToActor(), HttpContext.RequestAborted);
        return Page();
    }
}
