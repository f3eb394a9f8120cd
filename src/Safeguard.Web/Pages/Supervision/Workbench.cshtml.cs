using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Cases;
using Safeguard.Core.Exports;
using Safeguard.Core.Problems;
using Safeguard.Core.Supervision;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Supervision;

/// <summary>The supervisor's workbench: their teams' caseloads against capacity, then overdue supervisory reviews, other
/// overdue tasks, overdue meeting actions, the forensic and charging queues and open alerts, each row a link to the case
/// or the child; each list paged and downloadable.</summary>
public sealed class WorkbenchModel(SupervisorWorkbench workbench, ListExport export) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Team { get; set; }

    public Workbench? Bench { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Bench = await workbench.BuildAsync(User.ToActor(), Blank(Team), Pages(), ct: HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            ModelState.AddModelError(nameof(Team), "Choose a team from the list");
            Team = null;
            Bench = await workbench.BuildAsync(User.ToActor(), null, Pages(), ct: HttpContext.RequestAborted);
        }
        return Page();
    }

    /// <summary>One list of the workbench, every row (up to the export limit), as CSV or Excel; the download is logged.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? list, string? format)
    {
        var f = ExportDownload.Format(format);
        var key = WorkbenchLists.All.FirstOrDefault(l => l.Key == list).Key
            ?? throw new ProblemException(Core.Problems.Problems.Invalid("list", $"must be one of: {string.Join(", ", WorkbenchLists.All.Select(l => l.Key))}"));
        var bench = await workbench.BuildAsync(User.ToActor(), Blank(Team), null, Core.Work.Worklist.MaxPageSize, HttpContext.RequestAborted);
        var rows = bench.Lists.First(l => l.Key == key).Rows.Take(ListExport.MaxRows).ToList();
        return await ExportDownload.SendAsync(HttpContext, export, f, $"supervisor-workbench-{key}", $"workbench-{key}",
            ["Person", "What", "Since", "Owner", "Case"],
            rows.Select(r => (IReadOnlyList<string?>)[r.Name, r.What, UkTime.Show(r.Since), r.Owner, r.CaseId is null ? null : $"{r.CaseType} {r.CaseId}"]).ToList(),
            rows.Select(r => (Guid?)r.PersonId), $"team={Team}");
    }

    /// <summary>The page of each list asked for (<c>page-reviews=2</c>...).</summary>
    private Dictionary<string, int> Pages() => WorkbenchLists.All.ToDictionary(l => l.Key,
        l => int.TryParse(Request.Query[$"page-{l.Key}"], out var p) && p > 0 ? p : 1);

    /// <summary>The address of page <paramref name="page"/> of one list, the other lists and the team kept.</summary>
    public string PageHref(string key, int page)
    {
        var q = Request.Query.Where(kv => kv.Key != $"page-{key}").Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())).ToList();
        q.Add(new($"page-{key}", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return "/supervision/workbench" + QueryString.Create(q);
    }

    public string ExportHref(string key, string format) =>
        "/supervision/workbench" + QueryString.Create(new Dictionary<string, string?> { ["team"] = Blank(Team), ["handler"] = "Export", ["list"] = key, ["format"] = format }
            .Where(kv => kv.Value is not null));

    /// <summary>Where a row leads: the case's page when there is one, else the child's profile.</summary>
    public static string Href(WorkbenchRow r) => DailyMeetingModel.CaseHref(r.CaseType, r.CaseId) ?? $"/people/{r.PersonId}";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
