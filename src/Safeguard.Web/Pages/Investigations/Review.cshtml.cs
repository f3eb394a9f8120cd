using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Investigations;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Record;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>I2, IN1: a supervisor's review of an investigation: what was checked and the next actions. It closes the review
/// due and starts the clock for the next one. Form, check your answers, confirmation.</summary>
public sealed class ReviewModel(InvestigationService investigations, EventService events, TimeProvider clock) : InvestigationFormPage(investigations, clock)
{
    [BindProperty] public string? Checked { get; set; }
    [BindProperty] public string? NextActions { get; set; }

    public IReadOnlyList<string> Actions => EventForms.Lines(NextActions);

    protected override string EventType => "supervisory-review";

    protected override bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(Checked)) ModelState.AddModelError(nameof(Checked), "Say what you checked, for example lines of enquiry, the safeguarding plan and contact with the victim");
        if (Actions.Count == 0) ModelState.AddModelError(nameof(NextActions), "Enter the next actions, one a line");
        return ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || !Allowed) return NotFound();
        if (!(CheckWhen() & CheckAnswers())) return Page();
        var data = new Dictionary<string, object?> { ["investigationId"] = Id, ["checked"] = Checked!.Trim(), ["nextActions"] = Actions };
        var result = await this.TryRecordAsync(events, new { id = EventId ?? EventForms.NewId(EventType), type = EventType, occurredAt = At, people = EventPeople(), data },
            f => f switch { "occurredAt" => nameof(When), "data.checked" => nameof(Checked), "data.nextActions" => nameof(NextActions), _ => f });
        if (result is null) return Page();
        var (personId, name) = Subject();
        return Redirect(new Recorded("Supervisory review recorded", personId, name,
            [$"Reviewed {UkTime.Show(At)}", $"Checked: {Checked.Trim()}", .. Actions.Select(a => $"Next action: {a}")],
            Id, NextSteps.Of(result.Outputs), [new RecordedLink("Open the investigation", $"/investigations/{Uri.EscapeDataString(Id)}")]).Keep(TempData));
    }
}
