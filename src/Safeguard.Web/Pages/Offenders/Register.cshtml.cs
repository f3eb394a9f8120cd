using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Organisation;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K1, SO1–SO3: register a sex offender: risk level, MAPPA category and level, offender manager, the plan's visit
/// frequency (blank for the SO3 default), when the notification requirement began, no fixed abode, and the address (matched
/// against children's addresses, K4). Form, check your answers, confirmation.</summary>
public sealed class RegisterModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, TimeProvider clock)
    : Exploitation.ChildPage(access, audit, finder)
{
    [BindProperty] public string? RiskLevel { get; set; }
    [BindProperty] public string? MappaCategory { get; set; }
    [BindProperty] public string? MappaLevel { get; set; }
    [BindProperty] public string? Manager { get; set; }
    [BindProperty] public string? VisitMonths { get; set; }
    [BindProperty] public DateTimeParts RegisteredAt { get; set; } = new();
    [BindProperty] public DateTimeParts RequirementStarted { get; set; } = new();
    [BindProperty] public string? NoFixedAbode { get; set; }
    [BindProperty] public string? AddressLine1 { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public bool Checking { get; private set; }
    public DateTimeOffset Registered { get; private set; }
    public DateOnly? Started { get; private set; }
    public int? Months { get; private set; }

    public static readonly IReadOnlyList<Choice> RiskLevels =
        [new("very-high", "Very high"), new("high", "High"), new("medium", "Medium"), new("low", "Low")];
    public static readonly IReadOnlyList<Choice> Categories =
        [new("1", "Category 1", "Registered sexual offenders"), new("2", "Category 2", "Violent and other sexual offenders"), new("3", "Category 3", "Other dangerous offenders")];
    public static readonly IReadOnlyList<Choice> Levels =
        [new("1", "Level 1", "Ordinary agency management"), new("2", "Level 2", "Multi-agency management"), new("3", "Level 3", "Senior multi-agency management")];
    public static readonly IReadOnlyList<Choice> YesNo = [new("no", "No"), new("yes", "Yes", "Then the offender notifies every week")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("offender-registered");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        RegisteredAt = DateTimeParts.From(clock.GetUtcNow());
        var actor = User.ToActor();
        Manager = actor.Is(Roles.OffenderManager) ? actor.Id : null;
        NoFixedAbode = "no";
        if (Child is { } p) (AddressLine1, Town, Postcode) = (p.AddressLine1, p.Town, p.Postcode);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => PersonId is not null && await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var data = new Dictionary<string, object?>
        {
            ["riskLevel"] = RiskLevel, ["mappaCategory"] = int.Parse(MappaCategory!, CultureInfo.InvariantCulture),
            ["mappaLevel"] = int.Parse(MappaLevel!, CultureInfo.InvariantCulture), ["offenderManager"] = EventForms.Blank(Manager),
            ["visitMonths"] = Months, ["noFixedAbode"] = NoFixedAbode == "yes",
            ["requirementStartedAt"] = Started is { } d ? Core.Calendar.SafeguardCalendar.ToInstant(d, TimeOnly.MinValue) : null,
            ["address"] = string.IsNullOrWhiteSpace(AddressLine1) ? null : new { line1 = AddressLine1.Trim(), town = EventForms.Blank(Town), postcode = Postcode!.Trim() },
            ["notes"] = EventForms.Blank(Notes),
        }.Where(kv => kv.Value is not null).ToDictionary();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("offender-registered"), type = "offender-registered", occurredAt = Registered,
            people = new[] { new { personId = PersonId, role = "offender" } }, data,
        }, f => f switch
        {
            "occurredAt" => nameof(RegisteredAt), "data.riskLevel" => nameof(RiskLevel), "data.mappaCategory" => nameof(MappaCategory),
            "data.mappaLevel" => nameof(MappaLevel), "data.visitMonths" => nameof(VisitMonths), "data.requirementStartedAt" => nameof(RequirementStarted),
            "data.address" => nameof(AddressLine1), _ => f,
        });
        if (result is null) return Page();
        var links = result.Outputs.Alerts.Count(a => a.Code == "offender-contact-with-child" && a.PersonId == PersonId);
        var visit = result.Outputs.Tasks.FirstOrDefault(t => t.Code == "offender-visit" && t.PersonId == PersonId);
        return Redirect(new Record.Recorded("Offender registered", PersonId.Value, Child!.FullName,
            [$"{Risk(RiskLevel)} risk, MAPPA category {MappaCategory} level {MappaLevel}",
             visit is null ? "No home visit is due yet" : $"First home visit due by {UkTime.Show(visit.DueAt)}",
             links == 0 ? "No child is recorded as living at this address" : $"{links} {(links == 1 ? "child lives" : "children live")} at this address: the offender manager has been alerted"],
            EventId).Keep(TempData));
    }

    public static string Risk(string? level) => RiskLevels.FirstOrDefault(r => r.Value == level)?.Text ?? level ?? "";

    private bool CheckAnswers()
    {
        if (RiskLevels.All(r => r.Value != RiskLevel)) ModelState.AddModelError(nameof(RiskLevel), "Choose the risk level");
        if (Categories.All(c => c.Value != MappaCategory)) ModelState.AddModelError(nameof(MappaCategory), "Choose the MAPPA category");
        if (Levels.All(c => c.Value != MappaLevel)) ModelState.AddModelError(nameof(MappaLevel), "Choose the MAPPA level");
        if (!string.IsNullOrWhiteSpace(VisitMonths))
        {
            if (int.TryParse(VisitMonths.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 36) Months = m;
            else ModelState.AddModelError(nameof(VisitMonths), "Home visits every must be a number of months from 1 to 36, or left blank for the default");
        }
        if (!RegisteredAt.TryRead("the date and time of registration", out var registered, out var error)) ModelState.AddModelError(nameof(RegisteredAt), error!);
        else if (registered > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(RegisteredAt), "The date and time of registration must be now or in the past");
        Registered = registered;
        if (!RequirementStarted.IsEmpty)
        {
            if (!RequirementStarted.TryReadDate("the date the notification requirement began", out var started, out var startError))
                ModelState.AddModelError(nameof(RequirementStarted), startError!);
            else if (ModelState.IsValid && Core.Calendar.SafeguardCalendar.ToInstant(started, TimeOnly.MinValue) > registered)
                ModelState.AddModelError(nameof(RequirementStarted), "The date the notification requirement began must be on or before the registration");
            else Started = started;
        }
        if (!string.IsNullOrWhiteSpace(AddressLine1) && string.IsNullOrWhiteSpace(Postcode))
            ModelState.AddModelError(nameof(Postcode), "Enter the postcode, so the address can be matched with children's addresses");
        if (NoFixedAbode is not ("yes" or "no")) ModelState.AddModelError(nameof(NoFixedAbode), "Say whether the offender has no fixed abode");
        return ModelState.IsValid;
    }
}
