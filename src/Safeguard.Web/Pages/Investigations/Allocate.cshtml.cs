using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Investigations;
using Safeguard.Core.Records;
using Safeguard.Core.Rules.Investigations;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Record;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>I1: allocates an investigation to a team. Shows what the investigation needs, each team's caseload against
/// capacity with its skills, and the team recommended with why; a team without a required skill needs a reason, and
/// supervisors are alerted (<c>non-specialist-allocation</c>). Form, check your answers, confirmation.</summary>
public sealed class AllocateModel(InvestigationService investigations, EventService events, TimeProvider clock) : InvestigationFormPage(investigations, clock)
{
    [BindProperty] public string? Team { get; set; }
    [BindProperty] public string? NonSpecialistReason { get; set; }

    public AllocationAdvice Advice { get; private set; } = null!;
    public TeamOption? Chosen => Advice.Options.FirstOrDefault(o => o.Team.Code == Team);

    protected override string EventType => "investigation-allocated";

    public override async Task<IActionResult> OnGetAsync()
    {
        var result = await base.OnGetAsync();
        Team ??= Advice?.Recommended;
        return result;
    }

    protected override async Task PrepareAsync() => Advice = await Investigations.AdviceAsync(User.ToActor(), Id, HttpContext.RequestAborted);

    public IReadOnlyList<Choice> Choices => Advice.Options.Select(o => new Choice(o.Team.Code,
        o.Team.Code == Advice.Recommended ? $"{o.Team.Name} (recommended)" : o.Team.Name,
        $"{o.Team.Caseload} of {o.Team.Capacity} open investigations. Skills: {o.Team.SkillWords}." +
        (o.NeedsReason ? $" Does not have {string.Join(" or ", o.MissingRequired.Select(m => TeamSkills.Describe(m.Skill)))}: needs a reason." : ""))).ToList();

    protected override bool CheckAnswers()
    {
        if (Chosen is not { } chosen) ModelState.AddModelError(nameof(Team), "Choose the team to allocate the investigation to");
        else if (chosen.NeedsReason && string.IsNullOrWhiteSpace(NonSpecialistReason))
            ModelState.AddModelError(nameof(NonSpecialistReason),
                $"{chosen.Team.Name} does not have {string.Join(" or ", chosen.MissingRequired.Select(m => TeamSkills.Describe(m.Skill)))}: give the reason for allocating it there, or choose a team with the skill");
        if (Chosen is { NeedsReason: false }) NonSpecialistReason = null;
        return ModelState.IsValid;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync() || !Allowed) return NotFound();
        await PrepareAsync();
        if (!(CheckWhen() & CheckAnswers())) return Page();
        var data = new Dictionary<string, object?> { ["investigationId"] = Id, ["team"] = Team, ["nonSpecialistReason"] = EventForms.Blank(NonSpecialistReason) }
            .Where(kv => kv.Value is not null).ToDictionary();
        var result = await this.TryRecordAsync(events, new { id = EventId ?? EventForms.NewId(EventType), type = EventType, occurredAt = At, people = EventPeople(), data },
            f => f switch { "occurredAt" => nameof(When), "data.team" => nameof(Team), "data.nonSpecialistReason" => nameof(NonSpecialistReason), _ => f });
        if (result is null) return Page();
        var (personId, name) = Subject();
        var href = $"/investigations/{Uri.EscapeDataString(Id)}";
        return Redirect(new Recorded("Investigation allocated", personId, name,
            [$"Allocated to {Chosen!.Team.Name}, {UkTime.Show(At)}",
             NonSpecialistReason is null ? "The team has the skills this investigation needs" : $"Without the specialist skill, because: {NonSpecialistReason.Trim()}"],
            Id, NextSteps.Of(result.Outputs), [new RecordedLink("Open the investigation", href)]).Keep(TempData));
    }
}
