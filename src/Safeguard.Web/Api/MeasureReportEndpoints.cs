using Safeguard.Web.Hosting;
using Safeguard.Web.Measures;

namespace Safeguard.Web.Api;

/// <summary>The monthly report (M3) for systems: the same figures, words and anonymised children's views as the page.</summary>
public static class MeasureReportEndpoints
{
    public static RouteGroupBuilder MapMeasureReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/measures/report", async (HttpContext http, MonthlyReports reports, TimeProvider clock, string? month) =>
        {
            var report = await reports.ForAsync(MonthlyReports.ParseMonth(month, clock.GetUtcNow()), http.User.ToActor(), http.RequestAborted);
            return Results.Ok(new
            {
                month = report.Month.ToString(),
                summary = report.Words.Summary,
                offTarget = report.Words.OffTarget,
                changes = report.Words.Changes,
                noCases = report.Words.NoCases,
                measures = report.Measures.Select(m => new
                {
                    id = m.Definition.Id, title = m.Definition.Title,
                    thisMonth = ReportMeasure.Figure(m.Definition, m.ThisMonth), thisMonthText = MeasureBoard.Text(m.Definition, m.ThisMonth),
                    lastMonth = ReportMeasure.Figure(m.Definition, m.LastMonth), lastMonthText = MeasureBoard.Text(m.Definition, m.LastMonth),
                    target = m.TargetFigure, offTarget = m.OffTarget,
                }).ToList(),
                childViews = report.Views.Select(v => new { words = v.Words, child = v.Child, month = v.Month.ToString() }).ToList(),
                childViewsTotal = report.ViewsTotal,
            });
        }).RequireAuthorization(MeasureEndpoints.MeasuresPolicy).WithTags("Measures")
          .WithSummary("The monthly report for the police and crime commissioner and the safeguarding partnership (M3) for month (yyyy-MM, a month "
            + "that has ended; default the last one): each measure for the whole force this month and last with its target, the summary, the "
            + "measures off target, the biggest changes, and children's views gathered in the month as anonymised extracts (audited).");
        return api;
    }
}
