using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI1, F5: the child is found: when, where and with whom. People the child was with are chosen among
/// those already linked to the child (they join the event as associates) or named in free text.</summary>
public sealed class LocateModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public DateTimeParts LocatedAt { get; set; } = new();
    [BindProperty] public string? FoundLocation { get; set; }
    [BindProperty] public List<string> FoundWithPeople { get; set; } = [];
    [BindProperty] public string? FoundWithNames { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("located");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        LocatedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!LocatedAt.TryRead("the date and time the child was found", out var located, out var error)) { ModelState.AddModelError(nameof(LocatedAt), error!); return Page(); }
        var chosen = History.LinkedPeople.Where(p => FoundWithPeople.Contains(p.Id.ToString())).ToList();
        var people = new List<object> { new { personId = History.Child.Id, role = "child" } };
        people.AddRange(chosen.Select(p => new { personId = p.Id, role = "associate" }));
        var foundWith = chosen.Select(p => p.Id.ToString()).Concat(EventForms.Lines(FoundWithNames)).ToList();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("located"), type = "missing-located", occurredAt = located, people,
            data = new Dictionary<string, object?>
            {
                ["missingEventId"] = MissingEventId, ["locatedAt"] = located, ["foundLocation"] = EventForms.Blank(FoundLocation),
                ["foundWith"] = foundWith.Count == 0 ? null : foundWith,
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.locatedAt" or "occurredAt" => nameof(LocatedAt), "data.foundLocation" => nameof(FoundLocation), "data.foundWith" => nameof(FoundWithNames), _ => f });
        return result is null ? Page() : Done("Child recorded as found");
    }
}
