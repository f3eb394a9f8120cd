using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Events;

/// <summary>One record in full (issue 8 point 4): what it was, when, who it was about, every field in plain words,
/// and its earlier versions. Opened from a chronology entry; reading it is logged (P2). A record the reader may
/// not see is not found.</summary>
public sealed class ShowModel(EventService events, PersonAccess access, ActorNames actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string EventId { get; set; } = "";

    public Event Event { get; private set; } = null!;
    public IReadOnlyList<EventVersionView> Versions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();

    public EventVersionView Current => Versions.Single(v => v.Current);
    public IReadOnlyList<EventField> Fields(EventVersionView v) => EventDetails.Of(v.Data, Names);
    public string Who(string actorId) => Actors.TryGetValue(actorId, out var name) ? name : ActorNames.Describe(actorId);
    public string Name(Guid personId) => Names.TryGetValue(personId, out var name) ? name : "Someone you may not see";

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        try
        {
            (Event, Versions) = await events.ReadAsync(actor, EventId, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return NotFound(); }
        // People named in the record: its participants, and anyone named by id in its data (found with, children).
        var ids = Versions.SelectMany(v => v.People).Select(p => p.PersonId)
            .Concat(Versions.SelectMany(v => ExplanationText.PeopleIn(v.Data.GetRawText()))).Distinct().ToList();
        Names = access.Visible(actor).Where(p => ids.Contains(p.Id)).AsEnumerable().ToDictionary(p => p.Id, p => p.FullName);
        Actors = await actors.NamesAsync(Versions.Select(v => v.By).Append(Event.RecordedBy), HttpContext.RequestAborted);
        return Page();
    }
}
