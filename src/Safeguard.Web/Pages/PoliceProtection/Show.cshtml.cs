using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.PoliceProtection;

namespace Safeguard.Web.Pages.PoliceProtection;

/// <summary>I7: one spell of police protection: the child, the start, the officers, the 72-hour limit, whether the local
/// authority has been told, and the end; with the next things to record.</summary>
public sealed class ShowModel(PoliceProtectionBoard board, TimeProvider clock) : SpellPage(board)
{
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(record: false)) return NotFound();
        Now = clock.GetUtcNow();
        return Page();
    }
}
