using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Cases;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Queues;

/// <summary>I4: the CPS's charging decision on a file: when and what. Recorded as a <c>charging-decision</c> with the
/// file's reference, which takes the file off the queue and closes its task.</summary>
public sealed class DecisionModel(CaseService cases, EventService events, TimeProvider clock) : QueueItemPage(cases)
{
    [FromRoute] public string FileId { get; set; } = "";
    [BindProperty] public DateTimeParts DecidedAt { get; set; } = new();
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public DateTimeOffset Decided { get; private set; }
    protected override string CaseType => CaseTypes.ChargingFile;
    protected override string Reference => FileId;
    public string ChangeAction => Url.Page("/Queues/Decision", "Change", new { fileId = FileId })!;

    public static readonly IReadOnlyList<Choice> Decisions =
    [
        new("charge", "Charge"), new("no-further-action", "No further action"), new("out-of-court-disposal", "Out of court disposal"),
        new("other", "Another decision", "Say what in the notes"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("charging-decision");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        DecidedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var id = EventId ?? EventForms.NewId("charging-decision");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "charging-decision", occurredAt = Decided, people = People,
            data = new Dictionary<string, object?> { ["fileId"] = FileId, ["decision"] = Decision, ["notes"] = EventForms.Blank(Notes) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(DecidedAt), "data.decision" => nameof(Decision), "data.notes" => nameof(Notes), _ => f });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Charging decision recorded", FirstChild, ChildNames,
            [$"File {FileId}: {Decisions.First(d => d.Value == Decision).Text.ToLowerInvariant()}, {UkTime.Show(Decided)}",
                $"Waited {IndexModel.Days((Decided - Item.OpenedAt).TotalDays)} for the decision"], id,
            Record.NextSteps.Of(result.Outputs), [new Record.RecordedLink("Go to the charging queue", "/queues/charging")]).Keep(TempData));
    }

    protected override bool CheckAnswers()
    {
        if (Item.Status != "awaiting-decision") ModelState.AddModelError(nameof(Decision), $"File {FileId} already has a charging decision");
        if (Decisions.All(d => d.Value != Decision)) ModelState.AddModelError(nameof(Decision), "Choose the decision");
        else if (Decision == "other" && string.IsNullOrWhiteSpace(Notes)) ModelState.AddModelError(nameof(Notes), "Say what the decision was");
        if (!DecidedAt.TryReadPast("when the decision was made", clock.GetUtcNow().AddMinutes(5), out var decided, out var problem))
            ModelState.AddModelError(nameof(DecidedAt), problem!);
        else if (decided < Item.OpenedAt)
            ModelState.AddModelError(nameof(DecidedAt), $"When the decision was made must be after the file was sent, {UkTime.Show(Item.OpenedAt)}");
        else Decided = decided;
        return ModelState.IsValid;
    }
}
