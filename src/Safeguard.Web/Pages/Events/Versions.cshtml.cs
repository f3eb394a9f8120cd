using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Events;

/// <summary>An event's history (A3): every version, with who made it, when and why, and what it said.</summary>
public sealed class VersionsModel(EventService events, PersonAccess access, Core.Organisation.ActorNames actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string EventId { get; set; } = "";

    public Event Event { get; private set; } = null!;
    public IReadOnlyList<EventVersionView> Versions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();
    public string Who(string actorId) => Actors.TryGetValue(actorId, out var name) ? name : Core.Organisation.ActorNames.Describe(actorId);

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        try
        {
            (Event, Versions) = await events.ReadAsync(actor, EventId, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        var ids = Versions.SelectMany(v => v.People).Select(p => p.PersonId)
            .Concat(Versions.SelectMany(v => Core.Profiles.ExplanationText.PeopleIn(v.Data.GetRawText()))).Distinct().ToList();
        Names = access.Visible(actor).Where(p => ids.Contains(p.Id)).AsEnumerable().ToDictionary(p => p.Id, p => p.FullName);
        Actors = await actors.NamesAsync(Versions.Select(v => v.By), HttpContext.RequestAborted);
        return Page();
    }
}
