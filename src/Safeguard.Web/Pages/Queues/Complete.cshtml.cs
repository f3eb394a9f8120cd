using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Cases;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Queues;

/// <summary>I3: the digital forensic unit has finished examining a device: when, and what it found. Recorded as a
/// <c>forensic-completed</c> with the request's reference, which takes the request off the queue and closes its task.</summary>
public sealed class CompleteModel(CaseService cases, EventService events, TimeProvider clock) : QueueItemPage(cases)
{
    [FromRoute] public string RequestId { get; set; } = "";
    [BindProperty] public DateTimeParts CompletedAt { get; set; } = new();
    [BindProperty] public string? Findings { get; set; }

    public DateTimeOffset Completed { get; private set; }
    protected override string CaseType => CaseTypes.ForensicRequest;
    protected override string Reference => RequestId;
    public string ChangeAction => Url.Page("/Queues/Complete", "Change", new { requestId = RequestId })!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("forensic-completed");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        CompletedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var id = EventId ?? EventForms.NewId("forensic-completed");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "forensic-completed", occurredAt = Completed, people = People,
            data = new Dictionary<string, object?> { ["requestId"] = RequestId, ["device"] = Field("device"), ["findings"] = EventForms.Blank(Findings) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(CompletedAt), "data.findings" => nameof(Findings), _ => f });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Digital forensic examination recorded as completed", FirstChild, ChildNames,
            [$"Request {RequestId} completed {UkTime.Show(Completed)}", $"Waited {IndexModel.Days((Completed - Item.OpenedAt).TotalDays)}"], id,
            Record.NextSteps.Of(result.Outputs), [new Record.RecordedLink("Go to the digital forensic queue", "/queues/forensic")]).Keep(TempData));
    }

    protected override bool CheckAnswers()
    {
        if (Item.Status != "waiting") ModelState.AddModelError(nameof(CompletedAt), $"Request {RequestId} is already recorded as completed");
        if (!CompletedAt.TryReadPast("when the examination was completed", clock.GetUtcNow().AddMinutes(5), out var completed, out var problem))
            ModelState.AddModelError(nameof(CompletedAt), problem!);
        else if (completed < Item.OpenedAt)
            ModelState.AddModelError(nameof(CompletedAt), $"When the examination was completed must be after the request, {UkTime.Show(Item.OpenedAt)}");
        else Completed = completed;
        return ModelState.IsValid;
    }
}
