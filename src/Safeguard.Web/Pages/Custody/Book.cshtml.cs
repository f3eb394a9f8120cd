using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Custody;

/// <summary>L1, CU1: booking a child into custody — anyone who is, or appears to be, under 18, date of birth known or
/// not. The answers are checked, shown back (GOV.UK check answers), then recorded as a <c>custody-detained</c>; the
/// officer lands on the detention at a glance (L4), where the clocks the booking started are shown.</summary>
public sealed class BookModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, TimeProvider clock) : ChildPage(access, audit, finder)
{
    [BindProperty] public string? CustodyId { get; set; }
    [BindProperty] public DateTimeParts BookedAt { get; set; } = new();
    [BindProperty] public string? AppearsUnder18 { get; set; }
    [BindProperty] public string? AppropriateAdult { get; set; }
    [BindProperty] public string? Offence { get; set; }
    [BindProperty] public string? Station { get; set; }

    public bool Checking { get; private set; }
    public DateTimeOffset Booked { get; private set; }

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "No")];

    /// <summary>The child's age at booking when the date of birth is known.</summary>
    public int? AgeAt(DateTimeOffset at) => Child?.AgeOn(Core.Calendar.SafeguardCalendar.LondonDate(at));

    /// <summary>The question "appears to be under 18" matters only when the record does not already say they are a child.</summary>
    public bool AskAppearance => Child is not null && Child.AgeOn(Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow())) is not < 18;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("custody-detained");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        CustodyId = $"CUS-{clock.GetUtcNow():yyMMdd}-{Random.Shared.Next(1000, 9999)}";
        BookedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        Checking = true;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var data = new Dictionary<string, object?>
        {
            ["custodyId"] = CustodyId!.Trim(), ["appropriateAdult"] = EventForms.Blank(AppropriateAdult),
            ["appearsUnder18"] = AskAppearance ? AppearsUnder18 == "yes" : null,
            ["offence"] = EventForms.Blank(Offence), ["station"] = EventForms.Blank(Station),
        };
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("custody-detained"), type = "custody-detained", occurredAt = Booked,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = data.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch { "data.custodyId" => nameof(CustodyId), "data.appropriateAdult" => nameof(AppropriateAdult), "occurredAt" => nameof(BookedAt), _ => f });
        if (result is null) return Page();
        TempData["Notice"] = $"{Child!.FullName} booked into custody {UkTime.Show(Booked)}";
        return Redirect($"/custody/{Uri.EscapeDataString(CustodyId!.Trim())}");
    }

    private bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(CustodyId)) ModelState.AddModelError(nameof(CustodyId), "Enter the custody record number");
        if (AskAppearance && YesNo.All(c => c.Value != AppearsUnder18))
            ModelState.AddModelError(nameof(AppearsUnder18), "Say whether they appear to be under 18");
        if (!BookedAt.TryReadPast("when they were booked in", clock.GetUtcNow().AddMinutes(5), out var booked, out var problem))
            ModelState.AddModelError(nameof(BookedAt), problem!);
        else Booked = booked;
        return ModelState.IsValid;
    }
}
