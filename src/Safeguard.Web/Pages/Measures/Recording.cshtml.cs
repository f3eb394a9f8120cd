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
public sealed class RecordingModel(RecordingQuality quality, PersonAccess access, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int Months { get; set; } = 6;

    public IReadOnlyList<RecordingQualityRow> Rows { get; private set; } = [];
    public IReadOnlyList<(ChildToNotice Gap, string Name)> Children { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Months = Math.Clamp(Months, 1, 36);
        var to = clock.GetUtcNow();
        var from = to.AddMonths(-Months);
        var actor = User.ToActor();
        Rows = await quality.MeasureAsync(from, to, Unit, HttpContext.RequestAborted);
        var gaps = await MeasureEndpoints.VisibleChildrenToNoticeAsync(quality, access, actor, from, to, Unit, HttpContext.RequestAborted);
        var ids = gaps.Select(g => g.ChildId).Distinct().ToList();
        var names = await access.Visible(actor).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Forename + " " + p.Surname, HttpContext.RequestAborted);
        Children = gaps.Take(200).Select(g => (g, names.GetValueOrDefault(g.ChildId, ""))).ToList();
        await audit.RecordNowAsync(actor, AuditActions.View, "measures", detail: $"{gaps.Count} children to notice", ct: HttpContext.RequestAborted);
    }

    public static string Percent(double? rate) => rate is { } r ? $"{r * 100:0}%" : "–";

    /// <summary>The bar's width class (multiples of 5, as the chart's CSS defines), without inline styles.</summary>
    public static string Bar(double? rate) => $"app-bar--{(int)Math.Round((rate ?? 0) * 20) * 5}";
}
