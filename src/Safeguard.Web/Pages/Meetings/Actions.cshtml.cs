using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.Meetings;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Meetings;

/// <summary>I5: the actions of strategy discussions and meetings, open (overdue first) or overdue or done, filtered by
/// owner; each row links to its meeting, where it can be marked done. Downloadable as CSV or an Excel workbook.</summary>
public sealed class ActionsModel(MeetingService meetings, ListExport export, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Owner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>The page of the list shown (from the query's <c>page</c>: Razor Pages keeps the route value of that name for itself).</summary>
    public int PageNumber { get; private set; } = 1;

    public ActionPage Result { get; private set; } = new([], 1, PageSize, 0);
    /// <summary>I6: police attendance at child protection conferences over the last three months.</summary>
    public ConferenceAttendance? Attendance { get; private set; }
    public IReadOnlyList<Choice> OwnerChoices { get; private set; } = [];
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public static readonly IReadOnlyList<Choice> StatusChoices =
        [new("open", "Open (overdue first)"), new("overdue", "Overdue only"), new("done", "Done")];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        PageNumber = Math.Max(1, page ?? 1);
        OwnerChoices = (await meetings.AgenciesAsync(HttpContext.RequestAborted)).Select(a => new Choice(a.Code, a.Name)).ToList();
        if (Status is not null && StatusChoices.All(s => s.Value != Status)) Status = null;
        if (string.IsNullOrWhiteSpace(Owner)) Owner = null;
        try
        {
            Result = await meetings.ActionsAsync(User.ToActor(), new ActionFilter(Owner, Status, Math.Max(1, PageNumber), PageSize), HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400) { e.Problem.AddTo(ModelState, f => f == "owner" ? nameof(Owner) : ""); }
        var today = Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow());
        Attendance = await meetings.AttendanceAsync(User.ToActor(), today.AddMonths(-3), today, ct: HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The actions listed (up to the export limit, in the page's order) as CSV or an Excel workbook, audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = ExportDownload.Format(format);
        var all = await meetings.ActionsAsync(User.ToActor(), new ActionFilter(string.IsNullOrWhiteSpace(Owner) ? null : Owner,
            StatusChoices.Any(s => s.Value == Status) ? Status : null, 1, MeetingService.MaxPageSize), HttpContext.RequestAborted);
        var uk = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "meeting-actions", "meeting-actions",
            ["Meeting", "Held", "About", "Action", "Owner", "Due", "State"],
            all.Items.Select(r => (IReadOnlyList<string?>)[r.KindName, UkTime.Show(r.HeldAt), string.Join(", ", r.People.Select(p => p.Name)),
                $"{r.Number}. {r.Text}", r.OwnerName, r.DueDate?.ToString("d MMMM yyyy", uk) ?? "No due date", StateWords(r.Status)]).ToList(),
            all.Items.SelectMany(r => r.People.Select(p => (Guid?)p.PersonId)).Distinct());
    }

    public string Href(int page) => "/meetings/actions" + QueryString.Create(new Dictionary<string, string?>
        { ["owner"] = Owner, ["status"] = Status, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        .Where(kv => kv.Value is not null));

    public static string StateWords(string status) => status switch { "overdue" => "Overdue", "done" => "Done", _ => "Open" };
}
