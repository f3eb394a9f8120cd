using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.DomesticAbuse;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Exploitation;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.DomesticAbuse;

/// <summary>DA1: a high-risk victim referred to the MARAC of a local authority area (a <c>referral</c> of kind <c>marac</c>),
/// which closes the <c>marac-referral</c> task and opens the MARAC case; check your answers, then a confirmation.</summary>
public sealed class MaracReferralModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, MaracCases marac, TimeProvider clock)
    : ChildPage(access, audit, finder)
{
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateTimeParts ReferredAt { get; set; } = new();

    public IReadOnlyList<Choice> Areas { get; private set; } = [];
    public bool Checking { get; private set; }
    public DateTimeOffset Referred { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAllAsync()) return NotFound();
        EventId = EventForms.NewId("marac-referral");
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        ReferredAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAllAsync() || Child is null) return NotFound();
        if (!CheckAnswers()) return Page();
        Checking = true;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (!await LoadAllAsync() || Child is null) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAllAsync() || Child is null) return NotFound();
        if (!CheckAnswers()) return Page();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("marac-referral"), type = "referral", occurredAt = Referred,
            people = new[] { new { personId = PersonId, role = "victim" } },
            data = new { to = Area, kind = "marac", reason = Reason!.Trim() },
        }, f => f switch { "data.to" => nameof(Area), "data.reason" => nameof(Reason), "occurredAt" => nameof(ReferredAt), _ => nameof(Reason) });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Referral to the MARAC recorded", Child.Id, Child.FullName,
            [$"Referred {UkTime.Show(Referred)} to the MARAC for {AreaName}", $"Why: {Reason!.Trim()}"], result.EventId,
            Record.NextSteps.Of(result.Outputs), [new("See the MARAC case", $"/domestic-abuse/marac/{PersonId}")]).Keep(TempData));
    }

    public string AreaName => Areas.FirstOrDefault(a => a.Value == Area)?.Text ?? Area ?? "";

    private bool CheckAnswers()
    {
        if (Areas.Count == 0 ? string.IsNullOrWhiteSpace(Area) : Areas.All(a => a.Value != Area)) ModelState.AddModelError(nameof(Area), "Choose the area whose MARAC will hear the case");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why the victim is referred (for example the DASH result or your judgement)");
        if (!ReferredAt.TryReadPast("when the referral was made", clock.GetUtcNow().AddMinutes(5), out var at, out var problem))
            ModelState.AddModelError(nameof(ReferredAt), problem!);
        else Referred = at;
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAllAsync()
    {
        if (!await LoadAsync()) return false;
        Areas = (await marac.AreasAsync(HttpContext.RequestAborted)).Select(o => new Choice(o.Code, o.Name)).ToList();
        return true;
    }
}
