using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.CaseAudits;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.CaseAudits;

/// <summary>Add a recommendation: what, who owns the action, and its timescale (the due date follows from the report date).</summary>
public sealed class RecommendModel(CaseAuditService audits) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Timescale { get; set; }
    public ExerciseView Exercise { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            await audits.RecommendAsync(User.ToActor(), Id, Text, Owner, Timescale, HttpContext.RequestAborted);
            return Redirect($"/case-audits/{Id}/recommendations?added=true");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, f => f switch { "text" => nameof(Text), "owner" => nameof(Owner), "timescale" => nameof(Timescale), _ => "" });
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        try { Exercise = await audits.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted); }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        return true;
    }
}
