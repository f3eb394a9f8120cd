using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Offenders;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K3: the offender manager briefs a neighbourhood team about an offender; the team gets a task to acknowledge it.
/// Form, check your answers, confirmation.</summary>
public sealed class BriefModel(OffenderManagement offenders, EventService events, TimeProvider clock) : OffenderFormPage(offenders)
{
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("offender-briefing");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var sent = EventForms.OpenedAt(OpenedAt, clock.GetUtcNow());
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("offender-briefing"), type = "offender-briefing", occurredAt = sent,
            people = new[] { new { personId = PersonId, role = "offender" } },
            data = new { team = Team!.Trim(), summary = Summary!.Trim() },
        }, f => f switch { "data.team" => nameof(Team), "data.summary" => nameof(Summary), _ => f });
        if (result is null) return Page();
        var task = result.Outputs.Tasks.FirstOrDefault(t => t.Code == "acknowledge-briefing");
        return Redirect(new Record.Recorded("Briefing sent", PersonId, Name,
            [$"To {Team.Trim()}", task is null ? "" : $"The team acknowledges it by {UkTime.Show(task.DueAt)}"], EventId).Keep(TempData));
    }

    protected override bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(Team)) ModelState.AddModelError(nameof(Team), "Enter the neighbourhood team's code");
        if (string.IsNullOrWhiteSpace(Summary)) ModelState.AddModelError(nameof(Summary), "Enter what the team needs to know");
        return ModelState.IsValid;
    }
}
