using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.PoliceProtection;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.PoliceProtection;

/// <summary>PP1: police protection ends, within 72 hours: when, and what happened to the child. Recorded as a
/// <c>police-protection-ended</c>, which closes the limit task.</summary>
public sealed class EndModel(PoliceProtectionBoard board, EventService events, TimeProvider clock) : SpellPage(board)
{
    [BindProperty] public DateTimeParts EndedAt { get; set; } = new();
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public DateTimeOffset Ended { get; private set; }
    public string ChangeAction => Url.Page("/PoliceProtection/End", "Change", new { caseId = CaseId })!;

    public static readonly IReadOnlyList<Choice> Outcomes =
    [
        new("returned-home", "Returned to parents or carers"), new("accommodated", "Accommodated by the local authority"),
        new("emergency-protection-order", "Emergency protection order made"), new("other", "Another outcome", "Say what in the reason"),
    ];

    public static string? OutcomeText(string? outcome) => Outcomes.FirstOrDefault(o => o.Value == outcome)?.Text ?? outcome;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("police-protection-ended");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        EndedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var id = EventId ?? EventForms.NewId("police-protection-ended");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "police-protection-ended", occurredAt = Ended, people = People,
            data = new Dictionary<string, object?> { ["outcome"] = Outcome, ["reason"] = EventForms.Blank(Reason) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(EndedAt), "data.outcome" => nameof(Outcome), "data.reason" => nameof(Reason), _ => f });
        if (result is null) return Page();
        var held = Ended - Spell.StartedAt;
        return Confirmed($"Police protection of {Spell.ChildName} recorded as ended",
            [$"Ended {UkTime.Show(Ended)}: {OutcomeText(Outcome)!.ToLowerInvariant()}", $"Held for {Math.Floor(held.TotalHours):0} hours {held.Minutes} minutes"],
            id, result);
    }

    protected override bool CheckAnswers()
    {
        if (!Spell.InForce) ModelState.AddModelError(nameof(EndedAt), "This police protection has already ended");
        if (Outcomes.All(o => o.Value != Outcome)) ModelState.AddModelError(nameof(Outcome), "Choose what happened to the child");
        else if (Outcome == "other" && string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say what happened to the child");
        if (!EndedAt.TryReadPast("when police protection ended", clock.GetUtcNow().AddMinutes(5), out var ended, out var problem))
            ModelState.AddModelError(nameof(EndedAt), problem!);
        else if (ended < Spell.StartedAt)
            ModelState.AddModelError(nameof(EndedAt), $"When police protection ended must be after it started, {UkTime.Show(Spell.StartedAt)}");
        else Ended = ended;
        return ModelState.IsValid;
    }
}
