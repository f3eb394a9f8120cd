using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Exports;
using Safeguard.Core.Measures.Framework;
using Safeguard.Web.Hosting;
using Safeguard.Web.Measures;

namespace Safeguard.Web.Pages.Measures;

/// <summary>The cases behind a figure (M2): for one measure, period and unit, each child the reader may see, the case,
/// when it counted and whether it met the measure; written to the access log, one row per child listed.</summary>
public sealed class CasesModel(MeasureCases cases, MeasureBoard board, AuditLog audit, ListExport export, TimeProvider clock) : PageModel
{
    [FromRoute] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Split { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subset { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public MeasureDefinition Definition { get; private set; } = null!;
    public MeasurePeriod Period { get; private set; } = null!;
    public MeasureSplit SplitBy { get; private set; }
    public MeasureSubset Shown { get; private set; }
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<NamedCaseRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + MeasureCases.PageSize - 1) / MeasureCases.PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        await ReadAsync();
        PageNumber = Math.Max(1, PageNumber);
        var actor = User.ToActor();
        (Rows, Total) = await cases.PageAsync(Definition, Period, MeasureBoard.Scope(SplitBy, Unit), Shown, actor, PageNumber, MeasureCases.PageSize,
            HttpContext.RequestAborted);
        await audit.RecordListNowAsync(actor, AuditActions.List, "measure-cases", Rows.Select(r => r.Row.PersonId),
            $"{Definition.Id}: {Rows.Count} of {Total} cases, {Filters}", ct: HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Every case behind the figure (up to <see cref="ListExport.MaxRows"/>) as CSV or an Excel workbook, written to
    /// the access log for the export and for each child in it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = Shared.ExportDownload.Format(format);
        await ReadAsync();
        var (rows, _) = await cases.PageAsync(Definition, Period, MeasureBoard.Scope(SplitBy, Unit), Shown, User.ToActor(), 1, ListExport.MaxRows,
            HttpContext.RequestAborted);
        return await Shared.ExportDownload.SendAsync(HttpContext, export, fileFormat, "measure-cases", Definition.Id + "-cases",
            ["Child", "Case", "Case reference", "Date", "Month", "BCU", "Local authority", "Team", Met, "Time taken"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Name, MeasureBoard.CaseTypeText(r.Row.CaseType), r.Row.CaseId, Shared.UkTime.Show(r.Row.At),
                MonthKey.Of(r.Row.At).Long, r.Row.Bcu, r.Row.LocalAuthority, r.Row.Team, r.Row.InNumerator ? "Yes" : "No", MeasureBoard.TimeTaken(Definition, r.Row.Value)]).ToList(),
            rows.Select(r => r.Row.PersonId), $"{Definition.Id}, {Filters}");
    }

    /// <summary>The column heading for whether a case is in the numerator.</summary>
    public string Met => Definition.Kind switch
    {
        MeasureKind.Deadline => "Within the time limit",
        MeasureKind.Duration => "Within the target",
        _ => "Counted in the figure",
    };

    public string Filters => $"{Period.From} to {Period.To}, {MeasureBoard.SplitName(SplitBy)}{(string.IsNullOrEmpty(Unit) ? "" : " " + Unit)}, {MeasureCases.SubsetName(Shown)}";

    public string Href(MeasureSubset subset, int page = 1, string? handler = null, string? format = null) =>
        $"/measures/{Uri.EscapeDataString(Definition.Id)}/cases?from={Period.From}&to={Period.To}&split={MeasureBoard.SplitName(SplitBy)}"
        + (string.IsNullOrEmpty(Unit) ? "" : "&unit=" + Uri.EscapeDataString(Unit)) + (subset == MeasureSubset.All ? "" : "&subset=" + MeasureCases.SubsetName(subset))
        + (page > 1 ? "&page=" + page : "") + (handler is null ? "" : $"&handler={handler}&format={format}");

    private async Task ReadAsync()
    {
        Definition = MeasureBoard.Find(Id);
        Period = MeasurePeriod.Parse(From, To, clock.GetUtcNow());
        SplitBy = MeasureBoard.ParseSplit(Split);
        Shown = MeasureCases.ParseSubset(Subset);
        UnitName = (await board.UnitNamesAsync(SplitBy, [Unit], HttpContext.RequestAborted))(string.IsNullOrEmpty(Unit) ? null : Unit);
        if (SplitBy != MeasureSplit.Force && string.IsNullOrEmpty(Unit)) UnitName = "Every " + (SplitBy == MeasureSplit.Bcu ? "BCU" : SplitBy == MeasureSplit.Team ? "team" : "local authority");
    }
}
