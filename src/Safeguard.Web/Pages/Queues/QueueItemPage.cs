using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Cases;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Queues;

/// <summary>A page that records the end of one queued item (a forensic request completed, a charging decision), chosen by
/// the route's reference. An item the user may not see, or one that does not exist, answers 404. The event it records
/// names the same children, in the same roles, as the item, so the rules close its task. GOV.UK check answers:
/// Continue checks and shows the answers back, Change returns to the form with everything kept.</summary>
public abstract class QueueItemPage(CaseService cases) : PageModel
{
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }

    public CaseView Item { get; private set; } = null!;
    public bool Checking { get; protected set; }

    /// <summary>The case type (<see cref="CaseTypes.ForensicRequest"/> or <see cref="CaseTypes.ChargingFile"/>).</summary>
    protected abstract string CaseType { get; }

    /// <summary>The item's reference from the route.</summary>
    protected abstract string Reference { get; }

    /// <summary>The children and other people of the item, as the recorded event names them.</summary>
    public IReadOnlyList<object> People => Item.People.Select(p => (object)new { personId = p.PersonId, role = p.Role }).ToList();

    /// <summary>The children's names, for headings.</summary>
    public string ChildNames => string.Join(" and ", Item.People.Where(p => p.Role is "child" or "victim").Select(p => p.Name).DefaultIfEmpty("the child"));

    public Guid FirstChild => Item.People.Where(p => p.Role is "child" or "victim").Select(p => p.PersonId).DefaultIfEmpty(Item.People[0].PersonId).First();

    public string? Field(string name) =>
        Item.Fields.ValueKind == JsonValueKind.Object && Item.Fields.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    protected async Task<bool> LoadAsync()
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return false;
        try
        {
            Item = await cases.GetAsync(actor, CaseType, Reference, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }

    protected abstract bool CheckAnswers();

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();
}
