using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Encompass;

/// <summary>H2: Operation Encompass notifications not yet sent (overdue first) and those sent in the last four weeks, each naming
/// the school and key adult told. Downloadable as CSV or an Excel workbook, audited per child.</summary>
public sealed class IndexModel(EncompassBoard board, ListExport export) : PageModel
{
    public IReadOnlyList<EncompassRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await board.ListAsync(User.ToActor(), ct: HttpContext.RequestAborted);

    /// <summary>Both lists as one download (not sent first, as on the page; up to the export limit), written to the access
    /// log against each child in it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = ExportDownload.Format(format);
        var all = await board.ListAsync(User.ToActor(), ct: HttpContext.RequestAborted);
        var rows = all.Where(r => !r.Sent).Concat(all.Where(r => r.Sent)).Take(ListExport.MaxRows).ToList();
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "operation-encompass", "operation-encompass",
            ["Child", "Status", "Tell the school by", "School", "Key adult told", "Told", "Late", "Incident"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Name, StatusWords(r), UkTime.Show(r.DueAt), r.SchoolName ?? (r.Sent ? "Not recorded" : ""),
                r.KeyAdult ?? (r.Sent ? "Not recorded" : ""), r.SentAt is { } at ? UkTime.Show(at) : "", r.SentAt > r.DueAt ? "Yes" : "No", r.IncidentEventId]).ToList(),
            rows.Select(r => (Guid?)r.PersonId).Distinct());
    }

    public static string StatusWords(EncompassRow r) => r.Sent ? "Sent" : r.Status == "overdue" ? "Overdue" : "Not sent";
}
