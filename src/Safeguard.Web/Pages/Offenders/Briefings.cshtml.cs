using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;
using Safeguard.Core.Work;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>K3: briefings about offenders sent to the user's neighbourhood team, to read and acknowledge; acknowledging
/// records an <c>offender-briefing-acknowledged</c>, which closes the team's task and shows on the offender's page.</summary>
public sealed class BriefingsModel(Core.Work.Worklist worklist, EventService events, TimeProvider clock) : PageModel
{
    public WorkPage<WorklistTask> Briefings { get; private set; } = new([], 0, 1, Core.Work.Worklist.DefaultPageSize);
    public bool ForMyTeam { get; private set; }
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid offenderId, string briefingEventId, string? notes)
    {
        var result = await this.TryRecordAsync(events, new
        {
            id = $"ack-{briefingEventId}", type = "offender-briefing-acknowledged", occurredAt = clock.GetUtcNow(),
            people = new[] { new { personId = offenderId, role = "offender" } },
            data = new Dictionary<string, object?> { ["briefingEventId"] = briefingEventId, ["notes"] = EventForms.Blank(notes) }
                .Where(kv => kv.Value is not null).ToDictionary(),
        }, f => f);
        if (result is null)
        {
            await LoadAsync();
            return Page();
        }
        Done = "Briefing acknowledged";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var actor = User.ToActor();
        ForMyTeam = actor.Team is not null;
        Briefings = await worklist.TasksAsync(actor, new WorkFilter(Code: OutputCodes.Tasks.AcknowledgeBriefing, Assigned: ForMyTeam ? "team" : null, Sort: "due"),
            HttpContext.RequestAborted);
    }
}
