using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Cases;
using Safeguard.Core.Problems;
using Safeguard.Core.Supervision;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Supervision;

/// <summary>I8: the daily management meeting of a BCU on one page (the user's own BCU unless another is chosen): the last
/// 24 hours, or a chosen day, with each child's decisions. Printable (the print styles drop the forms and links' chrome);
/// everything works without JavaScript.</summary>
public sealed class DailyMeetingModel(DailyManagementMeeting meeting, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Bcu { get; set; }
    [BindProperty(SupportsGet = true)] public DateTimeParts Day { get; set; } = new();

    public DmmBoard? Board { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public bool MayDecide => User.MayOpen("/Supervision/Decision");

    public async Task<IActionResult> OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var actor = User.ToActor();
        DateOnly? day = null;
        if (!Day.IsEmpty)
        {
            if (!Day.TryReadDate("the day", out var d, out var error)) ModelState.AddModelError(nameof(Day), error!);
            else if (d > Core.Calendar.SafeguardCalendar.LondonDate(Now)) ModelState.AddModelError(nameof(Day), Day.Refuse("The day must be today or in the past"));
            else day = d;
        }
        Bcu = string.IsNullOrWhiteSpace(Bcu) ? await meeting.BcuOfAsync(actor.Team, HttpContext.RequestAborted) : Bcu.Trim();
        if (Bcu is null)
        {
            // No BCU of their own (an administrator, an auditor): the first BCU, which they can change.
            Board = null;
            Bcu = (await meeting.BcusAsync(HttpContext.RequestAborted)).FirstOrDefault()?.Code;
            if (Bcu is null) return Page();
        }
        try
        {
            Board = await meeting.BuildAsync(actor, Bcu, ModelState.IsValid ? day : null, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            ModelState.AddModelError(nameof(Bcu), "Choose a BCU from the list");
            Bcu = (await meeting.BcusAsync(HttpContext.RequestAborted)).FirstOrDefault()?.Code;
            if (Bcu is not null) Board = await meeting.BuildAsync(actor, Bcu, null, HttpContext.RequestAborted);
        }
        return Page();
    }

    /// <summary>Where a row's case is shown, when there is a page for it.</summary>
    public static string? CaseHref(string? type, string? id) => (type, id) switch
    {
        (CaseTypes.MissingEpisode, { } i) => $"/missing/{Uri.EscapeDataString(i)}",
        (CaseTypes.Custody, { } i) => $"/custody/{Uri.EscapeDataString(i)}",
        _ => null,
    };

    /// <summary>The link to record a decision for a child at this meeting.</summary>
    public string DecisionHref(Guid personId) => $"/supervision/decision?bcu={Uri.EscapeDataString(Board!.Bcu.Code)}&personId={personId}";
}
