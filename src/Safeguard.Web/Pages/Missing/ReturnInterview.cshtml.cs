using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI3, F5: the independent return interview, offered within 72 hours of return; held or declined, by
/// which agency, and what the child disclosed (as CS1 indicators).</summary>
public sealed class ReturnInterviewModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public DateTimeParts OfferedAt { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateTimeParts HeldAt { get; set; } = new();
    [BindProperty] public string? ByAgency { get; set; }
    [BindProperty] public List<string> Disclosures { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("return-interview");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        OfferedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!OfferedAt.TryRead("the date and time the interview was offered", out var offered, out var offeredError)) ModelState.AddModelError(nameof(OfferedAt), offeredError!);
        DateTimeOffset? held = null;
        if (Outcome == "held") { if (HeldAt.TryRead("the date and time the interview was held", out var h, out var heldError)) held = h; else ModelState.AddModelError(nameof(HeldAt), heldError!); }
        if (Outcome is not ("held" or "declined" or "offered")) ModelState.AddModelError(nameof(Outcome), "Say whether the interview was held, declined or only offered so far");
        if (!ModelState.IsValid) return Page();

        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("return-interview"), type = "return-interview", occurredAt = held ?? offered,
            people = new[] { new { personId = History.Child.Id, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["missingEventId"] = MissingEventId, ["offeredAt"] = offered, ["heldAt"] = held, ["declined"] = Outcome == "declined",
                ["byAgency"] = EventForms.Blank(ByAgency), ["disclosures"] = Disclosures,
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.offeredAt" => nameof(OfferedAt), "data.heldAt" => nameof(HeldAt), "data.byAgency" => nameof(ByAgency), "data.disclosures" => nameof(Disclosures), _ => f });
        return result is null ? Page() : Done("Return interview recorded");
    }
}
