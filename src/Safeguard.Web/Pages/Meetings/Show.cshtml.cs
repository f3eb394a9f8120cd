using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Cases;
using Safeguard.Core.Meetings;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>I5, I6: one strategy discussion or meeting — who it was about, who was invited and attended (police: who, at
/// what rank), the section 47 decision or plan category, and each decision as an action with its owner, due date and
/// state (open, overdue, done with when). Open actions can be marked done. A meeting about someone the reader may not see
/// answers 404.</summary>
public sealed class ShowModel(CaseService cases, MeetingService meetings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Done { get; set; }

    public MeetingView Meeting { get; private set; } = null!;
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        try
        {
            var view = await cases.GetAsync(actor, CaseTypes.Meeting, Id, HttpContext.RequestAborted);
            Meeting = new MeetingView(view, await meetings.NamerAsync(HttpContext.RequestAborted));
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        CanRecord = actor.CanRecord;
        return Page();
    }
}
