using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Measures;
using Safeguard.Core.Records;
using Safeguard.Web.Api;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Measures;

/// <summary>Recording quality per team and month (B5) and the children to notice (B2), for supervisors,
/// leaders and auditors.</summary>
public sealed class RecordingModel(RecordingQuality quality, PersonAccess access, AuditLog audit, TimeProvider clock, Core.Exports.ListExport export,
    Core.Organisation.ActorNames teams) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 6;

    public IReadOnlyList<RecordingQualityRow> Rows { get; private set; } = [];
    public IReadOnlyList<(ChildToNotice Gap, string Name)> Children { get; private set; } = [];
    /// <summary>How many children to notice there are in all (the page lists the newest 200).</summary>
    public int ChildrenTotal { get; private set; }
    /// <summary>B2.ppnWithinDays: the days after an incident within which a PPN about the child counts.</summary>
    public int PpnWithinDays { get; private set; }

    public async Task OnGetAsync()
    {
        Months = Math.Clamp(Months, 1, 36);
        var to = clock.GetUtcNow();
        var from = to.AddMonths(-Months);
        var actor = User.ToActor();
        Rows = await quality.MeasureAsync(from, to, Unit, HttpContext.RequestAborted, User.ToActor());
        PpnWithinDays = await quality.PpnWithinDaysAsync(HttpContext.RequestAborted);
        var gaps = await MeasureEndpoints.VisibleChildrenToNoticeAsync(quality, access, actor, from, to, Unit, HttpContext.RequestAborted);
        var ids = gaps.Select(g => g.ChildId).Distinct().ToList();
        var names = await access.Visible(actor).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Forename + " " + p.Surname, HttpContext.RequestAborted);
        Children = gaps.Take(200).Select(g => (g, names.GetValueOrDefault(g.ChildId, ""))).ToList();
        var teamNames = new Dictionary<string, string>();
        foreach (var unit in Children.Select(c => c.Gap.Unit).Concat(Rows.Select(r => r.Unit)).Distinct()) teamNames[unit] = await teams.TeamAsync(unit, HttpContext.RequestAborted);
        TeamNames = teamNames;
        ChildrenTotal = gaps.Count;
        await audit.RecordListNowAsync(actor, AuditActions.List, "children-to-notice", Children.Select(c => (Guid?)c.Gap.ChildId),
            $"{Children.Count} of {gaps.Count} children to notice", ct: HttpContext.RequestAborted);
    }

    /// <summary>The teams' names by code, for the children to notice.</summary>
    public IReadOnlyDictionary<string, string> TeamNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The children to notice over the months chosen (every one, up to 1,000, newest first) as CSV or an Excel
    /// workbook, written to the access log for the export and for each child in it.</summary>
    public async Task<IActionResult> OnGetChildrenExportAsync(string? format)
    {
        var fileFormat = Shared.ExportDownload.Format(format);
        var (from, to) = Period();
        var actor = User.ToActor();
        var gaps = (await MeasureEndpoints.VisibleChildrenToNoticeAsync(quality, access, actor, from, to, Unit, HttpContext.RequestAborted))
            .Take(Core.Exports.ListExport.MaxRows).ToList();
        var ids = gaps.Select(g => g.ChildId).Distinct().ToList();
        var names = await access.Visible(actor).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Forename + " " + p.Surname, HttpContext.RequestAborted);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var g in gaps)
            rows.Add([names.GetValueOrDefault(g.ChildId, ""), Shared.UkTime.Show(g.OccurredAt), await teams.TeamAsync(g.Unit, HttpContext.RequestAborted), g.IncidentEventId]);
        return await Shared.ExportDownload.SendAsync(HttpContext, export, fileFormat, "children-to-notice", "children-to-notice",
            ["Child", "Incident", "Team", "Incident reference"], rows, gaps.Select(g => (Guid?)g.ChildId), $"last {Months} months{(Unit is null ? "" : ", team " + Unit)}");
    }

    /// <summary>The recording measures per team and month over the months chosen as CSV or an Excel workbook (no personal
    /// data; the export is still written to the access log).</summary>
    public async Task<IActionResult> OnGetMeasuresExportAsync(string? format)
    {
        var fileFormat = Shared.ExportDownload.Format(format);
        var (from, to) = Period();
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var r in await quality.MeasureAsync(from, to, Unit, HttpContext.RequestAborted, User.ToActor()))
            rows.Add([await teams.TeamAsync(r.Unit, HttpContext.RequestAborted), r.Month, Count(r.Ppns), Percent(r.ChildViewsObtainedRate), Percent(r.DemeanourObservedRate),
                Count(r.ChildrenAtDomesticAbuse), Percent(r.SeenAndSpokenToRate), Percent(r.PpnForChildAtDomesticAbuseRate), Count(r.InvestigationsClosed),
                Percent(r.ChildInformedRate), Count(r.SupervisoryReviews), r.MedianHoursToRecord?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "–"]);
        return await Shared.ExportDownload.SendAsync(HttpContext, export, fileFormat, "measures", "recording-measures",
            ["Team", "Month", "PPNs", "Child's views obtained", "Demeanour observed", "Children at domestic abuse incidents", "Seen and spoken to",
                "With a PPN", "Investigations closed", "Child told of outcome", "Supervisory reviews", "Median hours to record"],
            rows, [], $"last {Months} months{(Unit is null ? "" : ", team " + Unit)}");
    }

    /// <summary>The address of a download ("ChildrenExport" or "MeasuresExport") in a format, the filters kept.</summary>
    public string ExportHref(string handler, string format) =>
        $"/measures/recording?Months={Months}{(string.IsNullOrEmpty(Unit) ? "" : "&Unit=" + Uri.EscapeDataString(Unit))}&handler={handler}&format={format}";

    private (DateTimeOffset From, DateTimeOffset To) Period()
    {
        Months = Math.Clamp(Months, 1, 36);
        var to = clock.GetUtcNow();
        return (to.AddMonths(-Months), to);
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A rate exact to one decimal place ("92.3%"); "–" when there was nothing to count.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";
}
