using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Sharing;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Partner;

/// <summary>A referral sent to the partner's organisation: what police sent, and a form to accept or decline it with a reason,
/// which records a <c>referral-response</c> event. A referral to anyone else answers 404 like one that does not exist.</summary>
public sealed class ReferralModel(PartnerPortal portal, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? SocialWorker { get; set; }
    /// <summary>The answer's event id, made when the form opens, so a double click stores one answer.</summary>
    [BindProperty] public string? AnswerId { get; set; }
    [BindProperty] public string? Opened { get; set; }

    public PartnerReferralDetail Detail { get; private set; } = null!;
    public static IReadOnlyList<Choice> OutcomeChoices { get; } =
        [new("accepted", "Accept", "Your agency takes the referral on"), new("declined", "Decline", "Say why, for example the threshold is not met")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        AnswerId = EventForms.NewId("referral-response");
        Opened = EventForms.Opened(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            var at = EventForms.OpenedAt(Opened, clock.GetUtcNow());
            await portal.RespondAsync(User.ToActor(), Id, new ReferralAnswer(Outcome, Reason, SocialWorker, AnswerId, at), HttpContext.RequestAborted);
            TempData["Notice"] = Outcome == "accepted" ? "Referral accepted" : "Referral declined";
            return Redirect($"/partner/referrals/{Uri.EscapeDataString(Id)}");
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409 or 422)
        {
            e.Problem.AddTo(ModelState, field => field switch
            {
                "outcome" or "data.outcome" => nameof(Outcome), "reason" or "data.reason" => nameof(Reason),
                "socialWorker" or "data.socialWorker" => nameof(SocialWorker), _ => "",
            });
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await portal.ReferralAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }
}
