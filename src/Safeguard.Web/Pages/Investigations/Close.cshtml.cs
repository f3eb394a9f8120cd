using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Investigations;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Record;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>B3: closes an investigation with the outcome for the child and whether (and how) the child was told about the
/// decisions made about them; refused without them. Form, check your answers, confirmation.</summary>
public sealed class CloseModel(InvestigationService investigations, EventService events, TimeProvider clock) : InvestigationFormPage(investigations, clock)
{
    [BindProperty] public string? OutcomeForChild { get; set; }
    [BindProperty] public string? ChildInformed { get; set; }
    [BindProperty] public string? HowInformed { get; set; }

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    protected override string EventType => "investigation-closed";

    protected override bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(OutcomeForChild)) ModelState.AddModelError(nameof(OutcomeForChild), "Record the outcome for the child");
        if (ChildInformed is not ("yes" or "no")) ModelState.AddModelError(nameof(ChildInformed), "Say whether the child was told about the decisions made about them");
        else if (ChildInformed == "yes" && string.IsNullOrWhiteSpace(HowInformed)) ModelState.AddModelError(nameof(HowInformed), "Say how the child was told");
        else if (ChildInformed == "no" && string.IsNullOrWhiteSpace(HowInformed)) ModelState.AddModelError(nameof(HowInformed), "Say why the child was not told");
        return ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || !Allowed) return NotFound();
        if (!(CheckWhen() & CheckAnswers())) return Page();
        var data = new Dictionary<string, object?>
        {
            ["investigationId"] = Id, ["outcomeForChild"] = OutcomeForChild!.Trim(), ["childInformed"] = ChildInformed == "yes", ["howInformed"] = EventForms.Blank(HowInformed),
        }.Where(kv => kv.Value is not null).ToDictionary();
        var result = await this.TryRecordAsync(events, new { id = EventId ?? EventForms.NewId(EventType), type = EventType, occurredAt = At, people = EventPeople(), data },
            f => f switch
            {
                "occurredAt" => nameof(When), "data.outcomeForChild" => nameof(OutcomeForChild), "data.childInformed" => nameof(ChildInformed),
                "data.howInformed" => nameof(HowInformed), _ => f,
            });
        if (result is null) return Page();
        var (personId, name) = Subject();
        return Redirect(new Recorded("Investigation closed", personId, name,
            [$"Closed {UkTime.Show(At)}", $"Outcome for the child: {OutcomeForChild.Trim()}",
             ChildInformed == "yes" ? $"The child was told: {HowInformed!.Trim()}" : $"The child was not told: {HowInformed!.Trim()}"],
            Id, NextSteps.Of(result.Outputs), [new RecordedLink("Open the investigation", $"/investigations/{Uri.EscapeDataString(Id)}")]).Keep(TempData));
    }
}
