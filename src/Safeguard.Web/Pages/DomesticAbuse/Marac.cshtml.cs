using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.DomesticAbuse;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.DomesticAbuse;

/// <summary>A victim's MARAC cases (DA1–DA3, I6): the DASH checklists and current risk level, the MARAC referral task
/// and repeat alerts, and each referral with the DASH it rests on, the MARAC meetings that heard it and their actions
/// with owners, due dates and state.</summary>
public sealed class MaracModel(MaracCases marac) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }

    public MaracPage View { get; private set; } = null!;
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            View = await marac.ForVictimAsync(User.ToActor(), PersonId, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        CanRecord = User.ToActor().CanRecord;
        return Page();
    }

    /// <summary>An action's owner in words: a team, an organisation or a person as recorded.</summary>
    public static string Owner(string? owner) => string.IsNullOrWhiteSpace(owner) ? "No owner recorded" : Core.Rules.Teams.Describe(owner);

    public static string Status(string status) => status switch { "done" => "Done", "overdue" => "Overdue", "open" => "Open", _ => status };
}
