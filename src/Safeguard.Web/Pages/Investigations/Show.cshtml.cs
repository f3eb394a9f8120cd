using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Investigations;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>One investigation (I1, I2, B3): its people, offences, team and allocation, supervisory reviews with what was
/// checked and the next actions, the review due, the outcome for the child, and its history; with the steps the user may take.</summary>
public sealed class ShowModel(InvestigationService investigations) : InvestigationPage(investigations)
{
    public bool MayAllocate => User.MayOpen("/Investigations/Allocate");
    public bool MayReview => User.MayOpen("/Investigations/Review");
    public bool MayClose => User.MayOpen("/Investigations/Close");

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();
}
