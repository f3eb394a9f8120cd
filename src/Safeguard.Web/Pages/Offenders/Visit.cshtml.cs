using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Offenders;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>SO3, K1: an offender manager records a home visit. The visit closes the visit due and the rules make the next
/// one due at the plan's frequency. Form, check your answers, confirmation.</summary>
public sealed class VisitModel(OffenderManagement offenders, EventService events, TimeProvider clock) : OffenderFormPage(offenders)
{
    [BindProperty] public DateTimeParts VisitedAt { get; set; } = new();
    [BindProperty] public string? Notes { get; set; }

    public DateTimeOffset Visited { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("offender-visit");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        VisitedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("offender-visit"), type = "offender-visit", occurredAt = Visited,
            people = new[] { new { personId = PersonId, role = "offender" } },
            data = new Dictionary<string, object?> { ["notes"] = EventForms.Blank(Notes) }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(VisitedAt), "data.notes" => nameof(Notes), _ => f });
        if (result is null) return Page();
        var next = result.Outputs.Tasks.Where(t => t.Code == "offender-visit" && t.PersonId == PersonId).OrderByDescending(t => t.DueAt).FirstOrDefault();
        return Redirect(new Record.Recorded("Home visit recorded", PersonId, Name,
            [$"Visited {UkTime.Show(Visited)}", next is null ? "No further visit is due" : $"Next home visit due by {UkTime.Show(next.DueAt)}"],
            EventId).Keep(TempData));
    }

    protected override bool CheckAnswers()
    {
        if (!VisitedAt.TryRead("the date and time of the visit", out var visited, out var error)) ModelState.AddModelError(nameof(VisitedAt), error!);
        else if (visited > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(VisitedAt), "The date and time of the visit must be now or in the past");
        else if (visited < Offender.RegisteredAt)
            ModelState.AddModelError(nameof(VisitedAt), $"The visit must be after {Name} was registered, {UkTime.Show(Offender.RegisteredAt)}");
        Visited = visited;
        return ModelState.IsValid;
    }
}
