using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Missing;
using Safeguard.Core.Records;
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

    /// <summary>The answers shown back on the check-your-answers page; nothing is stored until they are confirmed.</summary>
    public bool Checking { get; protected set; }

    /// <summary>The page's Change handler, where a check page's "Change" buttons post the answers back.</summary>
    public string ChangeAction => Url.Page(PageContext.ActionDescriptor.ViewEnginePath, "Change", new { missingEventId = MissingEventId })!;

    /// <summary>To the confirmation page: what was recorded for the child, what the rules raised, and links back to
    /// the episode and the child's profile.</summary>
    protected IActionResult Confirmed(string title, IReadOnlyList<string> details, string eventId, EventResult result) =>
        Redirect(new Record.Recorded(title, History.Child.Id, History.Child.FullName, details, eventId, Record.NextSteps.Of(result.Outputs),
            [new Record.RecordedLink($"Go to the missing episode reported {Shared.UkTime.Show(Episode.ReportedAt)}", $"/missing/{MissingEventId}")]).Keep(TempData));
}
