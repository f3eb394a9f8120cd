using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>MI3, F5: the independent return interview, offered within 72 hours of return; held or declined, by
/// which agency, and what the child disclosed (as CS1 indicators). The answers are checked back before anything
/// is stored.</summary>
public sealed class ReturnInterviewModel(MissingHistoryReader reader, EventService events, TimeProvider clock) : EpisodePage(reader)
{
    [BindProperty] public DateTimeParts OfferedAt { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public DateTimeParts HeldAt { get; set; } = new();
    [BindProperty] public string? ByAgency { get; set; }
    [BindProperty] public List<string> Disclosures { get; set; } = [];

    public DateTimeOffset Offered { get; private set; }
    public DateTimeOffset? Held { get; private set; }

    public static readonly IReadOnlyList<Choice> Outcomes = [new("held", "Held"), new("declined", "The child declined"), new("offered", "Offered, not yet held")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("return-interview");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        OfferedAt = DateTimeParts.From(clock.GetUtcNow());
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
        var id = EventId ?? EventForms.NewId("return-interview");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "return-interview", occurredAt = Held ?? Offered,
            people = new[] { new { personId = History.Child.Id, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["missingEventId"] = MissingEventId, ["offeredAt"] = Offered, ["heldAt"] = Held, ["declined"] = Outcome == "declined",
                ["byAgency"] = EventForms.Blank(ByAgency), ["disclosures"] = Disclosures,
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.offeredAt" => nameof(OfferedAt), "data.heldAt" => nameof(HeldAt), "data.byAgency" => nameof(ByAgency), "data.disclosures" => nameof(Disclosures), "occurredAt" => Held is null ? nameof(OfferedAt) : nameof(HeldAt), _ => f });
        if (result is null) return Page();
        return Confirmed($"Return interview for {History.Child.FullName} recorded", [
            $"Offered {UkTime.Show(Offered)} by {ByAgency!.Trim()}", OutcomeText,
            Disclosures.Count == 0 ? "No CSE indicators disclosed" : $"Indicators: {string.Join("; ", DisclosureTexts)}",
        ], id, result);
    }

    /// <summary>What happened, in a sentence.</summary>
    public string OutcomeText => Outcome switch
    {
        "held" when Held is { } h => $"Held {UkTime.Show(h)}",
        "declined" => "The child declined the interview",
        _ => "Offered, not yet held",
    };

    public IReadOnlyList<string> DisclosureTexts => Disclosures.Select(d => Indicators.Choices.FirstOrDefault(c => c.Value == d)?.Text ?? d).ToList();

    /// <summary>All the form's problems at once, each naming its field.</summary>
    private bool CheckAnswers()
    {
        if (!OfferedAt.TryRead("the date and time the interview was offered", out var offered, out var offeredError)) ModelState.AddModelError(nameof(OfferedAt), offeredError!);
        else Offered = offered;
        if (Outcome is not ("held" or "declined" or "offered")) ModelState.AddModelError(nameof(Outcome), "Say whether the interview was held, declined or only offered so far");
        else if (Outcome == "held")
        {
            if (HeldAt.TryRead("the date and time the interview was held", out var held, out var heldError)) Held = held;
            else ModelState.AddModelError(nameof(HeldAt), heldError!);
        }
        if (string.IsNullOrWhiteSpace(ByAgency)) ModelState.AddModelError(nameof(ByAgency), "Enter which agency offered the interview");
        return ModelState.IsValid;
    }
}
