using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.PoliceProtection;

/// <summary>I7, PP1: taking a child into police protection (Children Act 1989 s46): when, the officer who took the child
/// (initiating) and the designated officer who looks after the case, who must be someone else; whether the local
/// authority has been told yet. Checked back, then recorded as a <c>police-protection</c>: the 72-hour limit starts, and
/// until the local authority is told a task stays open.</summary>
public sealed class StartModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, TimeProvider clock)
    : ChildPage(access, audit, finder)
{
    [BindProperty] public DateTimeParts StartedAt { get; set; } = new();
    [BindProperty] public string? InitiatingOfficer { get; set; }
    [BindProperty] public string? DesignatedOfficer { get; set; }
    [BindProperty] public string? Circumstances { get; set; }
    [BindProperty] public string? Accommodation { get; set; }
    [BindProperty] public string? Informed { get; set; }
    [BindProperty] public DateTimeParts InformedAt { get; set; } = new();
    [BindProperty] public string? LocalAuthority { get; set; }

    public bool Checking { get; private set; }
    public DateTimeOffset Started { get; private set; }
    public DateTimeOffset? InformedTime { get; private set; }
    public string ChangeAction => Url.Page("/PoliceProtection/Start", "Change", new { personId = PersonId })!;

    public static readonly IReadOnlyList<Choice> YesNo = [new("yes", "Yes"), new("no", "Not yet")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("police-protection");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        StartedAt = DateTimeParts.From(clock.GetUtcNow());
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
        var id = EventId ?? EventForms.NewId("police-protection");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "police-protection", occurredAt = Started,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new Dictionary<string, object?>
            {
                ["initiatingOfficer"] = InitiatingOfficer!.Trim(), ["designatedOfficer"] = DesignatedOfficer!.Trim(),
                ["localAuthorityInformedAt"] = InformedTime, ["localAuthority"] = Informed == "yes" ? EventForms.Blank(LocalAuthority) : null,
                ["circumstances"] = EventForms.Blank(Circumstances), ["accommodation"] = EventForms.Blank(Accommodation),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch
        {
            "occurredAt" => nameof(StartedAt), "data.initiatingOfficer" => nameof(InitiatingOfficer), "data.designatedOfficer" => nameof(DesignatedOfficer),
            "data.localAuthorityInformedAt" => nameof(InformedAt), "data.localAuthority" => nameof(LocalAuthority),
            "data.circumstances" => nameof(Circumstances), "data.accommodation" => nameof(Accommodation), _ => f,
        });
        if (result is null) return Page();
        return Redirect(new Record.Recorded($"{Child!.FullName} recorded as taken into police protection", Child.Id, Child.FullName,
            [$"Taken into police protection {UkTime.Show(Started)} by {InitiatingOfficer!.Trim()}", $"Designated officer: {DesignatedOfficer!.Trim()}",
                InformedTime is { } told ? $"Local authority told {UkTime.Show(told)}" : "The local authority has not been told yet: tell them as soon as you can and record when"],
            id, Record.NextSteps.Of(result.Outputs),
            [new Record.RecordedLink("Go to this police protection", $"/police-protection/{Uri.EscapeDataString(id)}"),
                new Record.RecordedLink("Children in police protection now", "/police-protection/now")]).Keep(TempData));
    }

    private bool CheckAnswers()
    {
        var latest = clock.GetUtcNow().AddMinutes(5);
        if (!StartedAt.TryReadPast("when the child was taken into police protection", latest, out var started, out var problem))
            ModelState.AddModelError(nameof(StartedAt), problem!);
        else Started = started;
        if (string.IsNullOrWhiteSpace(InitiatingOfficer)) ModelState.AddModelError(nameof(InitiatingOfficer), "Enter the officer who took the child into police protection");
        if (string.IsNullOrWhiteSpace(DesignatedOfficer)) ModelState.AddModelError(nameof(DesignatedOfficer), "Enter the designated officer");
        else if (RecordingStandards.SameOfficer(InitiatingOfficer, DesignatedOfficer))
            ModelState.AddModelError(nameof(DesignatedOfficer), RecordingStandards.SameOfficerRefusal);
        if (YesNo.All(c => c.Value != Informed)) ModelState.AddModelError(nameof(Informed), "Say whether the local authority has been told");
        else if (Informed == "yes")
        {
            if (!InformedAt.TryReadPast("when the local authority was told", latest, out var told, out var problem2))
                ModelState.AddModelError(nameof(InformedAt), problem2!);
            else if (ModelState.IsValid && told < Started)
                ModelState.AddModelError(nameof(InformedAt), "When the local authority was told must be after the child was taken into police protection");
            else InformedTime = told;
            if (string.IsNullOrWhiteSpace(LocalAuthority)) ModelState.AddModelError(nameof(LocalAuthority), "Enter which local authority was told");
        }
        return ModelState.IsValid;
    }
}
