using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Cases;
using Safeguard.Core.Meetings;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>I5: mark one action of a strategy discussion or meeting done, with an optional note of what was done. It is
/// recorded as a <c>meeting-action-done</c> event (audited, on every child's chronology) exactly as the API records it.</summary>
public sealed class ActionDoneModel(CaseService cases, MeetingService meetings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Number { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public DateTimeParts DoneAt { get; set; } = new();

    public MeetingView Meeting { get; private set; } = null!;
    public CaseActionView Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = Pages.EventForms.NewId("meeting-action-done");
        DoneAt = DateTimeParts.From(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!DoneAt.TryRead("the date and time it was done", out var at, out var error)) ModelState.AddModelError(nameof(DoneAt), error!);
        else if (at > clock.GetUtcNow().AddMinutes(5)) ModelState.AddModelError(nameof(DoneAt), "The date and time it was done must be now or in the past");
        else if (at < Meeting.Case.OpenedAt) ModelState.AddModelError(nameof(DoneAt), $"The action must be done after the meeting, {UkTime.Show(Meeting.Case.OpenedAt)}");
        if (!ModelState.IsValid) return Page();
        try
        {
            await meetings.MarkDoneAsync(User.ToActor(), Id, Number, Note, at, EventId, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status is 403 or 409 or 422)
        {
            e.Problem.AddTo(ModelState, f => f switch { "data.note" => nameof(Note), "occurredAt" => nameof(DoneAt), _ => "" });
            return Page();
        }
        return Redirect($"/meetings/{Uri.EscapeDataString(Id)}?done={Number}");
    }

    private async Task<bool> LoadAsync()
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return false;
        try
        {
            var view = await cases.GetAsync(actor, CaseTypes.Meeting, Id, HttpContext.RequestAborted);
            Meeting = new MeetingView(view, await meetings.NamerAsync(HttpContext.RequestAborted));
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        var action = Meeting.Case.Actions.FirstOrDefault(a => a.Number == Number);
        if (action is null) return false;
        Action = action;
        return true;
    }
}
