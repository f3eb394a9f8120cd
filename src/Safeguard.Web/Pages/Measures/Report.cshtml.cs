using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Measures;

namespace Safeguard.Web.Pages.Measures;

/// <summary>The monthly report (M3, issue 12 point 5): a printable page with the figures, the words generated from them,
/// the trend charts (the dashboard's own images) and children's views as anonymised extracts.</summary>
public sealed class ReportModel(MonthlyReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public MonthlyReport? Report { get; private set; }

    /// <summary>The months a report may be for: the last five years' ended months, newest first.</summary>
    public IReadOnlyList<Shared.Choice> MonthChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var current = MonthKey.Of(now);
        MonthChoices = Enumerable.Range(1, 60).Select(i => new MonthKey(current.Value - i)).Select(m => new Shared.Choice(m.ToString(), m.Long)).ToList();
        MonthKey month;
        try { month = MonthlyReports.ParseMonth(Month, now); }
        catch (ProblemException e) when (e.Problem.Errors is { } errors)
        {
            foreach (var m in errors.SelectMany(x => x.Value)) ModelState.AddModelError(nameof(Month), m);
            return Page();
        }
        Month = month.ToString();
        Report = await reports.ForAsync(month, User.ToActor(), HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The dashboard's chart of a measure over the report's twelve months, per BCU.</summary>
    public string ChartHref(MeasureDefinition d) =>
        $"/measures?handler=Chart&measure={Uri.EscapeDataString(d.Id)}&from={Report!.Trend.From}&to={Report.Trend.To}&split=bcu";

    /// <summary>The cases behind the month's figure, for the whole force.</summary>
    public string CasesHref(MeasureDefinition d) => $"/measures/{Uri.EscapeDataString(d.Id)}/cases?from={Report!.Month}&to={Report.Month}&split=force";
}
