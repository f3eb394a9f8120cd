using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.PoliceProtection;
using Safeguard.Core.Records;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.PoliceProtection;

/// <summary>PP1: the local authority has been told that the child is in police protection: when, which authority and who
/// took the call. Recorded as a <c>police-protection-la-informed</c>, which closes the task to tell it.</summary>
public sealed class InformedModel(PoliceProtectionBoard board, EventService events, TimeProvider clock) : SpellPage(board)
{
    [BindProperty] public DateTimeParts InformedAt { get; set; } = new();
    [BindProperty] public string? LocalAuthority { get; set; }
    [BindProperty] public string? InformedPerson { get; set; }

    public DateTimeOffset Informed { get; private set; }
    public string ChangeAction => Url.Page("/PoliceProtection/Informed", "Change", new { caseId = CaseId })!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("police-protection-la-informed");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        InformedAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var id = EventId ?? EventForms.NewId("police-protection-la-informed");
        var result = await this.TryRecordAsync(events, new
        {
            id, type = "police-protection-la-informed", occurredAt = Informed, people = People,
            data = new Dictionary<string, object?>
            {
                ["localAuthorityInformedAt"] = Informed, ["localAuthority"] = LocalAuthority!.Trim(), ["informedPerson"] = EventForms.Blank(InformedPerson),
            }.Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f switch
        {
            "occurredAt" or "data.localAuthorityInformedAt" => nameof(InformedAt), "data.localAuthority" => nameof(LocalAuthority),
            "data.informedPerson" => nameof(InformedPerson), _ => f,
        });
        if (result is null) return Page();
        return Confirmed($"Local authority recorded as told about {Spell.ChildName}",
            [$"{LocalAuthority!.Trim()} told {UkTime.Show(Informed)}{(EventForms.Blank(InformedPerson) is { } who ? $" ({who})" : "")}"], id, result);
    }

    protected override bool CheckAnswers()
    {
        if (!Spell.InForce) ModelState.AddModelError(nameof(InformedAt), "This police protection has ended");
        else if (Spell.LocalAuthorityInformedAt is { } told) ModelState.AddModelError(nameof(InformedAt), $"The local authority was already recorded as told, {UkTime.Show(told)}");
        if (!InformedAt.TryReadPast("when the local authority was told", clock.GetUtcNow().AddMinutes(5), out var informed, out var problem))
            ModelState.AddModelError(nameof(InformedAt), problem!);
        else if (informed < Spell.StartedAt)
            ModelState.AddModelError(nameof(InformedAt), $"When the local authority was told must be after the child was taken into police protection, {UkTime.Show(Spell.StartedAt)}");
        else Informed = informed;
        if (string.IsNullOrWhiteSpace(LocalAuthority)) ModelState.AddModelError(nameof(LocalAuthority), "Enter which local authority was told");
        return ModelState.IsValid;
    }
}
