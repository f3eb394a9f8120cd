using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Retention;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Retention;

/// <summary>One record's retention review (P5, RT1): its group, latest activity and review date, then the decision
/// (keep with a new review date, or delete) with a reason, checked before it is recorded.</summary>
public sealed class ReviewModel(RetentionReviews reviews) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public DateTimeParts NextReview { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The record's version the decision is made on.</summary>
    [BindProperty] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public bool Kept { get; set; }

    public RetentionStatus Status { get; private set; } = null!;
    public bool Checking { get; private set; }
    public DateOnly? NextReviewOn { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Continue: the answers are checked and shown back before anything is recorded.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = Validate();
        return Page();
    }

    /// <summary>Change answers: the form again, with every answer kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>Record the decision.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!Validate()) return Page();
        try
        {
            var decided = await reviews.DecideAsync(User.ToActor(), Id, Decision, NextReviewOn, Reason, Version, HttpContext.RequestAborted);
            return Redirect(decided.Decision == RetentionDecisions.Delete ? "/retention?deleted=true" : $"/retention/{Id}?kept=true");
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            e.Problem.AddTo(ModelState, f => f switch { "decision" => nameof(Decision), "nextReviewOn" => nameof(NextReview), "reason" => nameof(Reason), _ => "" });
            if (e.Problem.Status == 409) ModelState.AddModelError("", "The record changed while you were deciding. Check it again and decide.");
            await LoadAsync();
            return Page();
        }
    }

    private bool Validate()
    {
        if (Decision is not (RetentionDecisions.Keep or RetentionDecisions.Delete)) ModelState.AddModelError(nameof(Decision), "Choose whether to keep or delete the record");
        if (Decision == RetentionDecisions.Delete && Status.WhyNotDeletable is { } why) ModelState.AddModelError(nameof(Decision), why);
        if (Decision == RetentionDecisions.Keep)
        {
            if (NextReview.TryReadDate("the date of the next review", out var next, out var error)) NextReviewOn = next;
            else ModelState.AddModelError(nameof(NextReview), error!);
        }
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Enter why you decided this");
        return ModelState.ErrorCount == 0;
    }

    private async Task<bool> LoadAsync()
    {
        if (!RetentionReviews.MayReview(User.ToActor())) return false;
        try { Status = await reviews.StatusAsync(User.ToActor(), Id, HttpContext.RequestAborted); }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        Version ??= Status.Version;
        return true;
    }

    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
