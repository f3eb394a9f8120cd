using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Investigations;
using Safeguard.Core.Records;
using Safeguard.Core.Rules.Investigations;
using Safeguard.Core.Search;
using Safeguard.Web.Pages.Record;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>Opens an investigation of offences against a child: the child (chosen or searched for), when, the offences and
/// the team opening it. Form, check your answers, confirmation; the supervisory review clock (IN1) starts.</summary>
public sealed class OpenModel(PersonAccess access, AuditLog audit, PeopleFinder finder, EventService events, TeamAdministration teams, TimeProvider clock)
    : Exploitation.ChildPage(access, audit, finder)
{
    [BindProperty] public string? InvestigationId { get; set; }
    [BindProperty] public DateTimeParts When { get; set; } = new();
    [BindProperty] public List<string> OffenceTypes { get; set; } = [];
    [BindProperty] public string? Team { get; set; }

    public bool Checking { get; private set; }
    public DateTimeOffset At { get; private set; }
    public IReadOnlyList<Choice> Teams { get; private set; } = [];

    public static readonly IReadOnlyList<Choice> Offences = SpecialistNeed.OffenceChoices.Select(o => new Choice(o.Code, o.Text)).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId("investigation-opened");
        When = DateTimeParts.From(clock.GetUtcNow());
        InvestigationId = $"INV-{Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow()):yyyyMMdd}-{Guid.NewGuid().ToString("N")[..5].ToUpperInvariant()}";
        var team = Hosting.ActorClaims.ToActor(User).Team;
        await TeamsAsync();
        Team = Teams.Any(t => t.Value == team) ? team : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        await TeamsAsync();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        await TeamsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (PersonId is null || !await LoadAsync()) return NotFound();
        await TeamsAsync();
        if (!CheckAnswers()) return Page();
        var id = InvestigationId!.Trim();
        var data = new Dictionary<string, object?> { ["investigationId"] = id, ["offenceTypes"] = OffenceTypes, ["team"] = EventForms.Blank(Team) }
            .Where(kv => kv.Value is not null).ToDictionary();
        var result = await this.TryRecordAsync(events, new
        {
            id = EventId ?? EventForms.NewId("investigation-opened"), type = "investigation-opened", occurredAt = At,
            people = new[] { new { personId = PersonId, role = "victim" } }, data,
        }, f => f switch { "occurredAt" => nameof(When), "data.investigationId" => nameof(InvestigationId), "data.team" => nameof(Team), _ => f });
        if (result is null) { Checking = false; return Page(); }
        var href = $"/investigations/{Uri.EscapeDataString(id)}";
        return Redirect(new Recorded("Investigation opened", PersonId.Value, Child!.FullName,
            [$"Offences: {InvestigationPage.Offences(OffenceTypes)}", $"Opened {UkTime.Show(At)}"], id, NextSteps.Of(result.Outputs),
            [new RecordedLink("Allocate it to a team", href + "/allocate"), new RecordedLink("Open the investigation", href)]).Keep(TempData));
    }

    public string TeamName(string? code) => Teams.FirstOrDefault(t => t.Value == code)?.Text ?? "None";

    private async Task TeamsAsync() =>
        Teams = (await teams.ListAsync(HttpContext.RequestAborted)).Select(t => new Choice(t.Code, t.Name)).ToList();

    private bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(InvestigationId)) ModelState.AddModelError(nameof(InvestigationId), "Enter the investigation's reference, for example the crime number");
        else if (InvestigationId.Trim().Length > 60) ModelState.AddModelError(nameof(InvestigationId), "The investigation's reference must be 60 characters or fewer");
        OffenceTypes = OffenceTypes.Where(o => Offences.Any(c => c.Value == o)).Distinct().ToList();
        if (OffenceTypes.Count == 0) ModelState.AddModelError(nameof(OffenceTypes), "Choose at least one offence");
        if (!string.IsNullOrWhiteSpace(Team) && Teams.All(t => t.Value != Team)) ModelState.AddModelError(nameof(Team), "Choose a team from the list");
        if (!When.TryReadPast("when the investigation was opened", clock.GetUtcNow().AddMinutes(5), out var at, out var problem)) ModelState.AddModelError(nameof(When), problem!);
        At = at;
        return ModelState.IsValid;
    }
}
