using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI4, F5: the police safe-and-well (prevention) check that closes the episode; disclosures are
/// recorded as CS1 indicators so the CSE rules (CS2, F6) can read them.</summary>
public sealed class SafeAndWellModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public List<string> Disclosures { get; set; } = [];
    [BindProperty] public DateTimeParts CheckedAt { get; set; } = new();
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? Narrative { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("safe-and-well");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        CheckedAt = DateTimeParts.From(clock.GetUtcNow());
        Officer = User.ToActor().Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckedAt.TryRead("the date and time of the check", out var checkedAt, out var error)) ModelState.AddModelError(nameof(CheckedAt), error!);
        if (string.IsNullOrWhiteSpace(Officer)) ModelState.AddModelError(nameof(Officer), "Enter the name of the officer who did the check");
        if (!ModelState.IsValid) return Page();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("safe-and-well"), type = "safe-and-well-check", occurredAt = checkedAt,
            people = new[] { new { personId = History.Child.Id, role = "child" } },
            data = new Dictionary<string, object?> { ["missingEventId"] = MissingEventId, ["disclosures"] = Disclosures, ["officer"] = EventForms.Blank(Officer), ["narrative"] = EventForms.Blank(Narrative) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.disclosures" => nameof(Disclosures), "occurredAt" => nameof(CheckedAt), "data.officer" => nameof(Officer), "data.narrative" => nameof(Narrative), _ => f });
        return result is null ? Page() : Done(result.Outputs.Flags.Count > 0 ? "Safe-and-well check recorded: a flag was suggested, see the profile" : "Safe-and-well check recorded");
    }
}
