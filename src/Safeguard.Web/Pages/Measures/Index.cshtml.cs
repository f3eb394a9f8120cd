using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Safeguard.Core.Exports;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Measures;

namespace Safeguard.Web.Pages.Measures;

/// <summary>The measures dashboard (M1, issue 12 points 1–2): every measure in the catalogue over a chosen period and
/// split, each with its trend chart, the exact figures in a table whose every figure opens the cases behind it (M2), and
/// its definition. Figures only: no person is named here, so nothing is written to the access log but the exports.</summary>
public sealed class IndexModel(MeasureService measures, MeasureBoard board, ListExport export, TimeProvider clock, IMemoryCache cache) : PageModel
{
    /// <summary>How long the page's figures are kept for its charts: a browser fetches them straight after the page.</summary>
    public static readonly TimeSpan ChartFiguresKept = TimeSpan.FromMinutes(2);

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Split { get; set; }

    public MeasurePeriod? Period { get; private set; }
    public MeasureSplit SplitBy { get; private set; }
    public IReadOnlyList<MeasureFigures> Figures { get; private set; } = [];
    public Func<string?, string> UnitName { get; private set; } = u => u ?? "";

    /// <summary>The months a period may start or end in: the last five years, newest first.</summary>
    public IReadOnlyList<Shared.Choice> MonthChoices { get; private set; } = [];

    public IReadOnlyList<Shared.Choice> SplitChoices { get; } =
    [
        new("force", "Whole force"), new("bcu", "Basic command unit (BCU)"), new("local-authority", "Local authority"),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var current = MonthKey.Of(now);
        MonthChoices = Enumerable.Range(0, 60).Select(i => new MonthKey(current.Value - i)).Select(m => new Shared.Choice(m.ToString(), m.Long)).ToList();
        if (!Read(now)) return Page();
        From = Period!.From.ToString();
        To = Period.To.ToString();
        Split = MeasureBoard.SplitName(SplitBy);
        Figures = await measures.ComputeAsync(Period, SplitBy, MeasureScope.Force, User.ToActor(), ct: HttpContext.RequestAborted);
        // The charts under the page draw these same figures (kept per reader, so restricted people stay out of others' figures).
        cache.Set(FiguresKey(), Figures, ChartFiguresKept);
        UnitName = await board.UnitNamesAsync(SplitBy, Figures.SelectMany(f => f.Totals).Select(c => c.Unit), HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>One measure's trend chart as SVG, for the <c>img</c> on the page (and the printed report).</summary>
    public async Task<IActionResult> OnGetChartAsync(string? measure)
    {
        var d = MeasureBoard.Find(measure);
        if (!Read(clock.GetUtcNow())) return BadRequest();
        var f = cache.Get<IReadOnlyList<MeasureFigures>>(FiguresKey())?.SingleOrDefault(x => x.Definition.Id == d.Id)
            ?? (await measures.ComputeAsync(Period!, SplitBy, MeasureScope.Force, User.ToActor(), [d.Id], HttpContext.RequestAborted)).Single();
        var names = await board.UnitNamesAsync(SplitBy, f.Totals.Select(c => c.Unit), HttpContext.RequestAborted);
        return new ContentResult { Content = MeasureBoard.Chart(f, Period!, names), ContentType = "image/svg+xml; charset=utf-8", StatusCode = 200 };
    }

    private string FiguresKey() => $"measures|{User.ToActor().Id}|{Period!.From}|{Period.To}|{MeasureBoard.SplitName(SplitBy)}";

    /// <summary>Every measure's figures per month and unit, and for the whole period, as CSV or an Excel workbook (no
    /// person in it; the export is still written to the access log).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = Shared.ExportDownload.Format(format);
        if (!Read(clock.GetUtcNow())) throw new ProblemException(Core.Problems.Problems.Invalid("from", ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage));
        var figures = await measures.ComputeAsync(Period!, SplitBy, MeasureScope.Force, User.ToActor(), ct: HttpContext.RequestAborted);
        var names = await board.UnitNamesAsync(SplitBy, figures.SelectMany(f => f.Totals).Select(c => c.Unit), HttpContext.RequestAborted);
        var rows = Rows(figures, Period!, names);
        return await Shared.ExportDownload.SendAsync(HttpContext, export, fileFormat, "measures", "measures",
            ["Measure", "Measure id", "Unit", "Month", "Numerator", "Denominator", "Figure", "Target"], rows, [],
            $"{Period!.From} to {Period.To}, split by {MeasureBoard.SplitName(SplitBy)}");
    }

    /// <summary>The export's rows: per measure, per unit, each month with cases, then the whole period.</summary>
    public static IReadOnlyList<IReadOnlyList<string?>> Rows(IReadOnlyList<MeasureFigures> figures, MeasurePeriod period, Func<string?, string> names)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var f in figures)
        {
            var d = f.Definition;
            var target = MeasureBoard.TargetText(f) ?? "";
            foreach (var c in f.Cells.OrderBy(c => names(c.Unit), StringComparer.Ordinal).ThenBy(c => c.Month))
                rows.Add([d.Title, d.Id, names(c.Unit), c.Month.Long, c.Met.ToString(), c.Counted.ToString(), MeasureBoard.Text(d, c), target]);
            foreach (var c in f.Totals)
                rows.Add([d.Title, d.Id, names(c.Unit), $"{period.From.Long} to {period.To.Long}", c.Met.ToString(), c.Counted.ToString(), MeasureBoard.Text(d, c), target]);
        }
        return rows;
    }

    /// <summary>The address of this dashboard's chart or export, or of the cases behind a figure, the period and split kept.</summary>
    public string Query => $"from={Period?.From}&to={Period?.To}&split={MeasureBoard.SplitName(SplitBy)}";

    public string ChartHref(MeasureDefinition d) => $"/measures?handler=Chart&measure={Uri.EscapeDataString(d.Id)}&{Query}";

    public string CasesHref(MeasureDefinition d, MonthKey? month, string? unit) =>
        $"/measures/{Uri.EscapeDataString(d.Id)}/cases?from={month ?? Period!.From}&to={month ?? Period!.To}&split={MeasureBoard.SplitName(SplitBy)}"
        + (unit is null ? "" : "&unit=" + Uri.EscapeDataString(unit));

    public string ExportHref(string format) => $"/measures?handler=Export&format={format}&{Query}";

    private bool Read(DateTimeOffset now)
    {
        try
        {
            SplitBy = MeasureBoard.ParseSplit(Split);
            Period = MeasurePeriod.Parse(From, To, now);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Errors is { } errors)
        {
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(field == "split" ? nameof(Split) : field == "to" ? nameof(To) : nameof(From), m);
            return false;
        }
    }
}
