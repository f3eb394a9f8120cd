using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Rules;
using Safeguard.Core.Work;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Worklist;

/// <summary>E, I8: the worklist for supervisors, the control room and the missing persons coordinator: open and
/// overdue tasks (overdue first, then soonest due) and recent alerts (newest first), each with its explanation
/// and a link to the child. Filters are plain GET parameters, so the page works without JavaScript.</summary>
public sealed class IndexModel(Core.Work.Worklist worklist) : PageModel
{
    public static readonly string[] TeamCodes =
        [Teams.MissingPersons, Teams.Response, Teams.ChildExploitation, Teams.Mash, Teams.Investigation, Teams.SocialCare, Teams.DesignatedOfficer];
    public static readonly string[] AudienceCodes = [Audiences.Supervisor, Audiences.ControlRoom];

    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Audience { get; set; }

    public IReadOnlyList<WorklistTask> Tasks { get; private set; } = [];
    public IReadOnlyList<WorklistAlert> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        if (!actor.CanReadPeople) return NotFound();
        // First visit: start from the actor's own team and audience; "all" clears a filter.
        if (Request.Query.Count == 0)
        {
            Team = TeamCodes.Contains(actor.Team) ? actor.Team : null;
            Audience = AudienceCodes.Contains(actor.Role) ? actor.Role : null;
        }
        try
        {
            Tasks = await worklist.TasksAsync(actor, new WorkFilter(Blank(Status), Blank(Code), Blank(Team)), HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            ModelState.AddModelError(nameof(Status), "Choose open, overdue or done");
        }
        Alerts = (await worklist.AlertsAsync(actor, Blank(Audience), Blank(Code), HttpContext.RequestAborted)).Take(100).ToList();
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) || s == "all" ? null : s;
}
