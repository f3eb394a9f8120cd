using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Offenders;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K3: the feedback loop. An officer records seeing or speaking with a registered sex offender; it reaches the
/// offender manager as an alert (and, with a child, K4). Form, check your answers, confirmation.</summary>
public sealed class SightingModel(OffenderManagement offenders, EventService events, TimeProvider clock) : OffenderFormPage(offenders)
{
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public DateTimeParts SeenAt { get; set; } = new();
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public DateTimeOffset Seen { get; private set; }

    public static readonly IReadOnlyList<Choice> Kinds =
        [new("sighting", "I saw them", "For example in the street, in a car, near a school"), new("contact", "I spoke with them")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("offender-sighting");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        SeenAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("offender-sighting"), type = "offender-sighting", occurredAt = Seen,
            people = new[] { new { personId = PersonId, role = "offender" } },
            data = new Dictionary<string, object?> { ["kind"] = Kind, ["location"] = EventForms.Blank(Location), ["notes"] = EventForms.Blank(Notes) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "occurredAt" => nameof(SeenAt), "data.kind" => nameof(Kind), "data.location" => nameof(Location), "data.notes" => nameof(Notes), _ => f });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Sighting recorded", PersonId, Name,
            [$"{(Kind == "contact" ? "Spoken with" : "Seen")} {UkTime.Show(Seen)}{(string.IsNullOrWhiteSpace(Location) ? "" : $" at {Location.Trim()}")}",
             "The offender manager has been told"], EventId).Keep(TempData));
    }

    protected override bool CheckAnswers()
    {
        if (Kinds.All(k => k.Value != Kind)) ModelState.AddModelError(nameof(Kind), "Say whether you saw or spoke with them");
        if (!SeenAt.TryRead("the date and time", out var seen, out var error)) ModelState.AddModelError(nameof(SeenAt), error!);
        else if (seen > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(SeenAt), "The date and time must be now or in the past");
        Seen = seen;
        if (string.IsNullOrWhiteSpace(Location)) ModelState.AddModelError(nameof(Location), "Enter where it was");
        return ModelState.IsValid;
    }
}
