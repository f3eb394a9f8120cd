using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Calendar;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Core.Supervision;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Supervision;

/// <summary>I8: records a decision of the daily management meeting against a child: what is to be done, who owns it and
/// by when. It is stored as a <c>dmm-decision</c> event on the child's chronology (and read as an owned action of a
/// meeting case, so it shows as overdue when it is not done in time). Form, check your answers, confirmation.</summary>
public sealed class DecisionModel(DailyManagementMeeting meeting, PersonAccess access, EventService events, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Bcu { get; set; }
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public DateTimeParts DueDate { get; set; } = new();

    public Person Child { get; private set; } = null!;
    public string BcuName { get; private set; } = "";
    public IReadOnlyList<Choice> Owners { get; private set; } = [];
    public bool Checking { get; private set; }
    public DateOnly Due { get; private set; }

    public string OwnerName => Owners.FirstOrDefault(o => o.Value == Owner)?.Text ?? "";
    public string MeetingHref => $"/supervision/daily-meeting?bcu={Uri.EscapeDataString(Bcu ?? "")}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        EventId = EventForms.NewId(DailyManagementMeeting.DecisionEventType);
        OpenedAt = EventForms.Opened(clock.GetUtcNow());
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var id = EventId ?? EventForms.NewId(DailyManagementMeeting.DecisionEventType);
        var result = await this.TryRecordAsync(events, new
        {
            id, type = DailyManagementMeeting.DecisionEventType, occurredAt = EventForms.OpenedAt(OpenedAt, clock.GetUtcNow()), unit = Bcu,
            people = new[] { new { personId = PersonId, role = "child" } },
            data = new { decisions = new[] { new { text = Text!.Trim(), owner = Owner, dueDate = Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } } },
        }, f => f switch { "data.decisions[0].text" => nameof(Text), "data.decisions[0].owner" => nameof(Owner), "data.decisions[0].dueDate" => nameof(DueDate), _ => f });
        if (result is null) return Page();
        return Redirect(new Record.Recorded("Decision recorded", PersonId, Child.FullName,
            [Text!.Trim(), $"Owner: {OwnerName}", $"Due by {Due:d MMMM yyyy}", $"Recorded on {Child.FullName}'s chronology from the {BcuName} daily management meeting"],
            id, Links: [new("Back to the daily management meeting", MeetingHref)]).Keep(TempData));
    }

    private bool CheckAnswers()
    {
        if (string.IsNullOrWhiteSpace(Text)) ModelState.AddModelError(nameof(Text), "Enter the decision");
        else if (Text.Trim().Length > 2000) ModelState.AddModelError(nameof(Text), "The decision must be 2,000 characters or fewer");
        if (Owners.All(o => o.Value != Owner)) ModelState.AddModelError(nameof(Owner), "Choose who owns the decision");
        var today = SafeguardCalendar.LondonDate(clock.GetUtcNow());
        if (!DueDate.TryReadDate("the due date", out var due, out var error)) ModelState.AddModelError(nameof(DueDate), error!);
        else if (due < today) ModelState.AddModelError(nameof(DueDate), DueDate.Refuse("The due date must be today or in the future"));
        else Due = due;
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        if (string.IsNullOrWhiteSpace(Bcu)) return false;
        var bcu = (await meeting.BcusAsync(HttpContext.RequestAborted)).FirstOrDefault(b => b.Code == Bcu);
        if (bcu is null) return false;
        BcuName = bcu.Name;
        try { Child = await access.GetVisibleAsync(User.ToActor(), PersonId, HttpContext.RequestAborted); }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        Owners = (await meeting.OwnersAsync(bcu.Code, HttpContext.RequestAborted)).Select(o => new Choice(o.Code, o.Name)).ToList();
        return true;
    }
}
