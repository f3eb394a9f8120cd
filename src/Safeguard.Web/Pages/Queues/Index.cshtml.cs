using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.Problems;
using Safeguard.Core.Queues;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Queues;

/// <summary>I3, I4: a queue (digital forensic requests or charging files). Waiting items overdue first, then high priority,
/// then the oldest; each with its age, target and due date; the waiting-time figures above. Done items of the last
/// <c>days</c> on their own tab. Downloadable as CSV or an Excel workbook.</summary>
public sealed class IndexModel(QueueBoard board, ListExport export, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [FromRoute] public string? Queue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public QueuePage Result { get; private set; } = null!;
    public QueueKind Kind { get; private set; } = QueueKinds.Forensic;
    public DateTimeOffset Now { get; private set; }
    public string Shown => Status is "done" or "all" ? Status : "waiting";
    public int Pages => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        if (QueueKinds.Find(Queue ?? "forensic") is not { } kind) return NotFound();
        Kind = kind;
        Now = clock.GetUtcNow();
        Result = await board.ReadAsync(User.ToActor(), new QueueFilter(kind.Name, Shown, Page: Math.Max(1, page ?? 1), PageSize: PageSize),
            HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The list as shown (this tab, every page, up to 1,000 rows) as CSV or an Excel workbook, logged.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        if (QueueKinds.Find(Queue ?? "forensic") is not { } kind) return NotFound();
        var fileFormat = ExportDownload.Format(format);
        var all = await board.ReadAsync(User.ToActor(), new QueueFilter(kind.Name, Shown, Page: 1, PageSize: QueueBoard.MaxPageSize), HttpContext.RequestAborted);
        var items = all.Items.ToList();
        for (int p = 2; items.Count < all.Total && items.Count < ListExport.MaxRows; p++)
            items.AddRange((await board.ReadAsync(User.ToActor(), new QueueFilter(kind.Name, Shown, Page: p, PageSize: QueueBoard.MaxPageSize),
                HttpContext.RequestAborted)).Items);
        var now = clock.GetUtcNow();
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, $"queue-{kind.Name}", $"{kind.Name}-queue-{Shown}",
            ["Reference", "Children", kind == QueueKinds.Forensic ? "Device" : "Offence", "Priority", "Why", "Opened", "Waited (days)", "Target (days)", "Due",
                "Overdue", "Finished", kind == QueueKinds.Forensic ? "Findings" : "Decision", "Investigation"],
            items.Take(ListExport.MaxRows).Select(i => (IReadOnlyList<string?>)[i.Id, string.Join("; ", i.Children.Select(c => c.Name)), i.Subject,
                PriorityText(i.Priority), string.Join("; ", i.PriorityReasons), UkTime.Show(i.OpenedAt), Math.Floor(i.WaitDays(now)).ToString("0"),
                i.TargetDays.ToString(), UkTime.Show(i.DueAt), i.Overdue ? "Yes" : "No", i.ClosedAt is { } c ? UkTime.Show(c) : "",
                Outcome(i.Outcome), i.InvestigationId]).ToList(),
            items.SelectMany(i => i.Children.Select(c => (Guid?)c.PersonId)), $"status={Shown}");
    }

    public static string PriorityText(string priority) => priority == "high" ? "High" : "Standard";

    /// <summary>Whole days in words: "12 days", "less than a day".</summary>
    public static string Days(double days) => days < 1 ? "less than a day" : Math.Floor(days) == 1 ? "1 day" : $"{Math.Floor(days):0} days";

    /// <summary>A charging decision (or findings) in words.</summary>
    public static string? Outcome(string? outcome) => outcome switch
    {
        "charge" => "Charge", "no-further-action" => "No further action", "out-of-court-disposal" => "Out of court disposal",
        "other" => "Other decision", null => null, var text => text,
    };

    public string Href(string status, int page = 1) => $"/queues/{Kind.Name}?status={status}" + (page > 1 ? $"&page={page}" : "");
}
