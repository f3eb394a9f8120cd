using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI4, F5: the police safe-and-well (prevention) check that closes the episode; disclosures are
/// recorded as CS1 indicators so the CSE rules (CS2, F6) can read them.</summary>
public sealed class SafeAndWellModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public List<string> Disclosures { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("safe-and-well");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("safe-and-well"), type = "safe-and-well-check", occurredAt = EventForms.OpenedAt(OpenedAt, clock.GetUtcNow()),
            people = new[] { new { personId = History.Child.Id, role = "child" } },
            data = new { missingEventId = MissingEventId, disclosures = Disclosures },
        }, f => f == "data.disclosures" ? nameof(Disclosures) : f);
        return result is null ? Page() : Done(result.Outputs.Flags.Count > 0 ? "Safe-and-well check recorded: a flag was suggested, see the profile" : "Safe-and-well check recorded");
    }
}
