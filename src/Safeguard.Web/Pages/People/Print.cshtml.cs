using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>A printable profile (issue 8 point 9) for strategy discussions and conferences: flags, plans, tasks, alerts,
/// linked people and the whole chronology, laid out for paper (the site's print styles drop navigation). Opening it
/// is logged as a print for the person (P2), not as a view.</summary>
public sealed class PrintModel(ProfileBuilder profiles, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public ProfileView Profile { get; private set; } = null!;
    public string PrintedBy { get; private set; } = "";
    public DateTimeOffset PrintedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        DateTimeOffset? at = Shared.UkTime.TryParse(AsOf, out var parsed) ? parsed : null;
        var actor = User.ToActor();
        try
        {
            Profile = await profiles.BuildAsync(actor, Id, AuditActions.Print, at, ct: HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        PrintedBy = actor.Name;
        PrintedAt = clock.GetUtcNow();
        return Page();
    }
}
