using Microsoft.AspNetCore.Mvc;
using Safeguard.Core.Missing;
using Safeguard.Core.Work;
using TaskStatus = Safeguard.Core.Work.TaskStatus;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Missing;

/// <summary>One missing episode (MI1, MI4, F5): open until located, closed once located and the safe-and-well
/// check is done; with the tasks the rules raised for it and what to record next.</summary>
public sealed class EpisodeModel(MissingHistoryReader reader, Core.Work.Worklist worklist) : EpisodePage(reader)
{
    public IReadOnlyList<WorklistTask> Tasks { get; private set; } = [];
    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(forRecording: false)) return NotFound();
        CanRecord = User.ToActor().CanRecord;
        var ids = new[] { Episode.EventId, Episode.LocatedEventId }.OfType<string>().ToHashSet();
        var open = await worklist.TasksAsync(User.ToActor(), new WorkFilter(PersonId: History.Child.Id, Sort: "due", PageSize: Core.Work.Worklist.MaxPageSize), HttpContext.RequestAborted);
        var done = await worklist.TasksAsync(User.ToActor(), new WorkFilter(TaskStatus.Done, PersonId: History.Child.Id, PageSize: Core.Work.Worklist.MaxPageSize), HttpContext.RequestAborted);
        Tasks = open.Items.Concat(done.Items).Where(t => t.Task.Reason.EventIds.Any(ids.Contains)).ToList();
        return Page();
    }
}
