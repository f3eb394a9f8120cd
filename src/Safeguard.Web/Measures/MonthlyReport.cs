using Safeguard.Core.AccessLog;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Measures.Report;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;

namespace Safeguard.Web.Measures;

/// <summary>The monthly report for the police and crime commissioner and the safeguarding partnership (M3): every
/// measure for the whole force this month and last, the words generated from them, the twelve months' trend charts per
/// BCU, and children's views gathered in the month as anonymised extracts. One reader for the page and the API.</summary>
public sealed record MonthlyReport(MonthKey Month, MeasurePeriod Trend, IReadOnlyList<ReportMeasure> Measures, ReportWords Words,
    IReadOnlyList<ChildViewsExtract> Views, int ViewsTotal);

public sealed class MonthlyReports(MeasureService measures, ChildViewsExtracts views, AuditLog audit)
{
    /// <summary>The months a trend chart in the report covers, the report's month last.</summary>
    public const int TrendMonths = 12;

    /// <summary>The month named ("yyyy-MM"), or the last whole month; a 400 problem naming <c>month</c> for anything that is
    /// not a month, the current month or later (not over yet), or before 1900.</summary>
    public static MonthKey ParseMonth(string? month, DateTimeOffset now)
    {
        var current = MonthKey.Of(now);
        if (string.IsNullOrWhiteSpace(month)) return new MonthKey(current.Value - 1);
        if (!MonthKey.TryParse(month, out var m)) throw Invalid("Enter the month as a year and month, like 2026-03");
        if (m >= current) throw Invalid("Choose a month that has ended");
        if (m.Year < 1900) throw Invalid("Enter a month from 1900");
        return m;
    }

    private static ProblemException Invalid(string message) => new(Core.Problems.Problems.Invalid("month", message));

    /// <summary>The report for the month as the reader may see it; the children whose words are quoted are written to the
    /// access log (one row each, and one for the report).</summary>
    public async Task<MonthlyReport> ForAsync(MonthKey month, Actor reader, CancellationToken ct)
    {
        var previous = new MonthKey(month.Value - 1);
        var figures = await measures.ComputeAsync(new MeasurePeriod(previous, month), MeasureSplit.Force, MeasureScope.Force, reader, ct: ct);
        var list = figures.Select(f => new ReportMeasure(f.Definition,
            f.Cells.FirstOrDefault(c => c.Month == month), f.Cells.FirstOrDefault(c => c.Month == previous), f.Target)).ToList();
        var (extracts, total) = await views.ForMonthAsync(month, reader, ct);
        await audit.RecordListNowAsync(reader, AuditActions.View, "measures-report", extracts.Select(e => (Guid?)e.PersonId),
            $"Monthly report for {month}: {extracts.Count} children's views quoted, anonymised", ct: ct);
        return new MonthlyReport(month, new MeasurePeriod(new MonthKey(month.Value - TrendMonths + 1), month), list,
            ReportWords.Write(list, month), extracts, total);
    }
}
