using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.Flags;
using Safeguard.Core.Missing;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>F1, MI1: the control room's list of every child missing now, high risk first, then the longest missing;
/// downloadable as CSV or an Excel workbook (issue 8 point 9).</summary>
public sealed class NowModel(MissingNowReader reader, ListExport export) : PageModel
{
    public MissingNowPage Result { get; private set; } = new([], 1, MissingNowReader.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return NotFound();
        Result = await reader.ListAsync(actor, page ?? 1, MissingNowReader.DefaultPageSize, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Every child missing now (up to 1,000, in the page's order) as CSV or an Excel workbook, written to the
    /// access log for the export and for each child in it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var actor = User.ToActor();
        if (!actor.CanRecord) return NotFound();
        var fileFormat = ExportDownload.Format(format);
        var all = await reader.ListAsync(actor, 1, ListExport.MaxRows, HttpContext.RequestAborted);
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "missing-now", "children-missing-now",
            ["Child", "Date of birth", "Looked after", "Risk", "Missing for", "Last seen", "Where last seen", "Reported", "Flags"],
            all.Items.Select(i => (IReadOnlyList<string?>)[i.Child.FullName,
                i.Child.DateOfBirth?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "Not known",
                i.Episode.LookedAfter ? "Yes" : "No", Grade(i.Episode.RiskGrade), MissingNowReader.InWords(i.Missing),
                i.Episode.LastSeenAt is { } seen ? UkTime.Show(seen) : "Not known", i.Episode.LastSeenLocation, UkTime.Show(i.Episode.ReportedAt),
                string.Join("; ", i.Flags.Where(f => f.Status != FlagStatus.Rejected)
                    .Select(f => $"{FlagCodes.Names.GetValueOrDefault(f.Code, f.Code)} ({f.Status})"))]).ToList(),
            all.Items.Select(i => (Guid?)i.Child.Id));
    }

    /// <summary>A missing risk grade in words.</summary>
    public static string Grade(string grade) => grade switch
    {
        "high" => "High", "medium" => "Medium", "low" => "Low", "very-low" => "Very low", "" => "Not graded", var other => other,
    };
}
