using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Missing;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Missing;

/// <summary>What every page about one missing episode shares: the episode from its route, with the child's history.</summary>
public abstract class EpisodePage(MissingHistoryReader reader) : PageModel
{
    [BindProperty(SupportsGet = true)] public string MissingEventId { get; set; } = "";
    /// <summary>Carried from the form's first display, so submitting twice stores the event once.</summary>
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }

    public ChildMissingHistory History { get; private set; } = null!;
    public MissingEpisodeEntry Episode { get; private set; } = null!;

    protected async Task<bool> LoadAsync(bool forRecording = true)
    {
        if (forRecording && !User.ToActor().CanRecord) return false;
        try
        {
            (History, Episode) = await reader.EpisodeAsync(User.ToActor(), MissingEventId, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }

    protected IActionResult Done(string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/missing/{MissingEventId}");
    }
}
