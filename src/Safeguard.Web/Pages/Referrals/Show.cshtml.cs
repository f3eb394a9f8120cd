using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Referrals;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>One referral's life (J2, J3): when it was sent, received, screened (with each agency's contribution), answered
/// and closed, its response time, and what is due (WT1, WT5). Those who record take its next step here.</summary>
public sealed class ShowModel(ReferralService referrals) : PageModel
{
    public static readonly IReadOnlyList<Choice> Outcomes = [new("accepted", "Accepted"), new("declined", "Declined")];

    [FromRoute] public string Id { get; set; } = "";
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? ResponseReason { get; set; }
    [BindProperty] public string? AssessmentOutcome { get; set; }
    [BindProperty] public string? CloseReason { get; set; }
    [BindProperty] public string? StepId { get; set; }

    public ReferralRow Referral { get; private set; } = null!;
    public bool MayRecord => User.ToActor().CanRecord;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostReceivedAsync() =>
        StepAsync(() => referrals.RecordReceivedAsync(User.ToActor(), Id, eventId: StepId, ct: HttpContext.RequestAborted), "Receipt recorded", _ => "");

    public Task<IActionResult> OnPostResponseAsync() =>
        StepAsync(() => referrals.RecordResponseAsync(User.ToActor(), Id, Outcome, ResponseReason, eventId: StepId, ct: HttpContext.RequestAborted),
            Outcome == "declined" ? "Referral declined" : "Referral accepted",
            f => f switch { "data.outcome" => nameof(Outcome), "data.reason" or "reason" => nameof(ResponseReason), _ => f });

    public Task<IActionResult> OnPostAssessmentAsync() =>
        StepAsync(() => referrals.RecordAssessmentAsync(User.ToActor(), Id, AssessmentOutcome, eventId: StepId, ct: HttpContext.RequestAborted),
            "Assessment recorded as done", f => f == "data.outcome" ? nameof(AssessmentOutcome) : f);

    public Task<IActionResult> OnPostCloseAsync() =>
        StepAsync(() => referrals.RecordClosedAsync(User.ToActor(), Id, CloseReason, eventId: StepId, ct: HttpContext.RequestAborted),
            "Referral closed", f => f == "data.reason" ? nameof(CloseReason) : f);

    private async Task<IActionResult> StepAsync(Func<Task<EventResult>> step, string done, Func<string, string> fieldMap)
    {
        if (!await LoadAsync()) return NotFound();
        if (Outcome is not null && Outcomes.All(o => o.Value != Outcome)) ModelState.AddModelError(nameof(Outcome), "Select accepted or declined");
        try
        {
            if (ModelState.IsValid)
            {
                await step();
                TempData["Notice"] = done + ".";
                return Redirect($"/referrals/{Uri.EscapeDataString(Id)}");
            }
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 403 or 409 or 422)
        {
            e.Problem.AddTo(ModelState, fieldMap);
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Referral = await referrals.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            StepId ??= EventForms.NewId("referral-step");
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }

    public static string Decision(string? decision) => decision switch
    {
        "no-further-action" => "No further action", "advice-and-information" => "Advice and information", "early-help" => "Early help",
        "assessment" => "Assessment by children’s social care", "strategy-discussion" => "Strategy discussion", null => "Not screened yet", _ => decision,
    };
}
