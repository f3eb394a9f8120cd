using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Custody;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Measures;

/// <summary>CU4, M1: the transfer record per local authority for children charged and refused bail over the last
/// 12 months: requests (secure), refusals, transfers, certificates of impracticability, children held overnight.</summary>
public sealed class CustodyTransfersModel(CustodyBoard board, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TransferRecordRow> Rows { get; private set; } = [];
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        To = clock.GetUtcNow();
        From = To.AddMonths(-12);
        Rows = await board.TransferRecordAsync(User.ToActor(), From, To, null, HttpContext.RequestAborted);
        return Page();
    }
}
