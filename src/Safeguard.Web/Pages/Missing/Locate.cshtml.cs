using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI1, F5: the child is found: when, where and with whom. People the child was with are chosen among
/// those already linked to the child (they join the event as associates) or named in free text. The answers are
/// checked back (GOV.UK check answers) before anything is stored, then confirmed with what the rules raised.</summary>
public sealed class LocateModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public DateTimeParts LocatedAt { get; set; } = new();
    [BindProperty] public string? FoundLocation { get; set; }
    [BindProperty] public List<string> FoundWithPeople { get; set; } = [];
    [BindProperty] public string? FoundWithNames { get; set; }

    public DateTimeOffset Located { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("located");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        LocatedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    /// <summary>Back from the check page to the form, with every answer kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var chosen = Chosen;
        var people = new List<object> { new { personId = History.Child.Id, role = "child" } };
        people.AddRange(chosen.Select(p => new { personId = p.Id, role = "associate" }));
        var foundWith = chosen.Select(p => p.Id.ToString()).Concat(EventForms.Lines(FoundWithNames)).ToList();
        var id = EventId ?? EventForms.NewId("located");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "missing-located", occurredAt = Located, people,
            data = new Dictionary<string, object?>
            {
                ["missingEventId"] = MissingEventId, ["locatedAt"] = Located, ["foundLocation"] = EventForms.Blank(FoundLocation),
                ["foundWith"] = foundWith.Count == 0 ? null : foundWith,
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.locatedAt" or "occurredAt" => nameof(LocatedAt), "data.foundLocation" => nameof(FoundLocation), "data.foundWith" => nameof(FoundWithNames), _ => f });
        if (result is null) return Page();
        var with = FoundWith;
        return Confirmed($"{History.Child.FullName} recorded as found", [
            $"Found {UkTime.Show(Located)}{(EventForms.Blank(FoundLocation) is { } where ? $" at {where}" : "")}",
            with.Count == 0 ? "Nobody recorded as with the child" : $"With {string.Join(", ", with)}",
        ], id, result);
    }

    /// <summary>The linked people ticked as being with the child.</summary>
    public IReadOnlyList<(Guid Id, string Name, string Link)> Chosen => History.LinkedPeople.Where(p => FoundWithPeople.Contains(p.Id.ToString())).ToList();

    /// <summary>Everyone the child was with, by name: linked people ticked, then names typed.</summary>
    public IReadOnlyList<string> FoundWith => Chosen.Select(p => p.Name).Concat(EventForms.Lines(FoundWithNames)).ToList();

    /// <summary>All the form's problems at once, each naming its field.</summary>
    private bool CheckAnswers()
    {
        if (!LocatedAt.TryRead("the date and time the child was found", out var located, out var error)) ModelState.AddModelError(nameof(LocatedAt), error!);
        else Located = located;
        return ModelState.IsValid;
    }
}
