using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.PoliceProtection;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.PoliceProtection;

/// <summary>A page about one spell of police protection, chosen by the route's <c>caseId</c> (the id of the event that
/// started it). One the user may not see, or that does not exist, answers 404.</summary>
public abstract class SpellPage(PoliceProtectionBoard board) : PageModel
{
    [FromRoute] public string CaseId { get; set; } = "";
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }

    public PoliceProtectionSpell Spell { get; private set; } = null!;
    public bool Checking { get; protected set; }

    /// <summary>When <paramref name="record"/>, only those who may record.</summary>
    protected async Task<bool> LoadAsync(bool record = true)
    {
        var actor = User.ToActor();
        if (record && !actor.CanRecord) return false;
        try
        {
            Spell = await board.SpellAsync(actor, CaseId, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }

    protected virtual bool CheckAnswers() => true;

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    /// <summary>The event's people: the child.</summary>
    protected object[] People => [new { personId = Spell.ChildId, role = "child" }];

    protected IActionResult Confirmed(string title, IReadOnlyList<string> details, string eventId, Core.Records.EventResult result) =>
        Redirect(new Record.Recorded(title, Spell.ChildId, Spell.ChildName, details, eventId, Record.NextSteps.Of(result.Outputs),
            [new Record.RecordedLink("Go to this police protection", $"/police-protection/{Uri.EscapeDataString(CaseId)}"),
                new Record.RecordedLink("Children in police protection now", "/police-protection/now")]).Keep(TempData));
}
