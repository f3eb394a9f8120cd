using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI4, F5: the police safe-and-well (prevention) check that closes the episode: when it was done, by which
/// officer and what happened, all required; disclosures are recorded as CS1 indicators so the CSE rules (CS2, F6)
/// can read them. The answers are checked back before anything is stored.</summary>
public sealed class SafeAndWellModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public List<string> Disclosures { get; set; } = [];
    [BindProperty] public DateTimeParts CheckedAt { get; set; } = new();
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? Narrative { get; set; }

    public DateTimeOffset Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("safe-and-well");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        CheckedAt = DateTimeParts.From(clock.GetUtcNow());
        Officer = User.ToActor().Name;
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
        var id = EventId ?? EventForms.NewId("safe-and-well");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "safe-and-well-check", occurredAt = Checked,
            people = new[] { new { personId = History.Child.Id, role = "child" } },
            data = new Dictionary<string, object?> { ["missingEventId"] = MissingEventId, ["disclosures"] = Disclosures, ["officer"] = EventForms.Blank(Officer), ["narrative"] = EventForms.Blank(Narrative) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.disclosures" => nameof(Disclosures), "occurredAt" => nameof(CheckedAt), "data.officer" => nameof(Officer), "data.narrative" => nameof(Narrative), _ => f });
        if (result is null) return Page();
        return Confirmed($"Safe-and-well check on {History.Child.FullName} recorded", [
            $"Checked {UkTime.Show(Checked)} by {Officer!.Trim()}",
            Disclosures.Count == 0 ? "No CSE indicators disclosed or seen" : $"Indicators: {string.Join("; ", DisclosureTexts)}",
            "The missing episode is closed",
        ], id, result);
    }

    /// <summary>The ticked disclosures in words.</summary>
    public IReadOnlyList<string> DisclosureTexts => Disclosures.Select(d => Indicators.Choices.FirstOrDefault(c => c.Value == d)?.Text ?? d).ToList();

    /// <summary>All the form's problems at once, each naming its field.</summary>
    private bool CheckAnswers()
    {
        if (!CheckedAt.TryRead("the date and time of the check", out var checkedAt, out var error)) ModelState.AddModelError(nameof(CheckedAt), error!);
        else Checked = checkedAt;
        if (string.IsNullOrWhiteSpace(Officer)) ModelState.AddModelError(nameof(Officer), "Enter the name of the officer who did the check");
        if (string.IsNullOrWhiteSpace(Narrative)) ModelState.AddModelError(nameof(Narrative), "Enter what happened during the check");
        return ModelState.IsValid;
    }
}
