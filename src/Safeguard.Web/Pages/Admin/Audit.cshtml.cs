using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin;

/// <summary>Administrators and auditors search the access log (P2, DP1, issue 8 point 10, issue 11 point 4): by the person's name, the user, the action and
/// a date range (GOV.UK date inputs, London days), a page at a time; each row names the person, the action in words
/// and the reason.</summary>
public sealed class AuditModel(AccessLogSearch search, Core.Exports.ListExport export) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromDay { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromMonth { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToDay { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToMonth { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToYear { get; set; }
    /// <summary>The page of the list ("page" in the query; read by hand, since Razor Pages' own route value "page" names the page).</summary>
    public int PageNumber { get => _page ?? (int.TryParse(Request.Query["page"], out var n) && n >= 1 ? n : 1); set => _page = value; }
    private int? _page;

    public static readonly string[] Actions =
        [AuditActions.View, AuditActions.List, AuditActions.Search, AuditActions.Create, AuditActions.Change, AuditActions.Export, AuditActions.Print,
            AuditActions.Share, AuditActions.Retention, AuditActions.SignIn, AuditActions.SignInFailed, "verify", AuditActions.Restore];

    public AccessLogPage Log { get; private set; } = new([], 0, 1, AccessLogSearch.DefaultPageSize);

    public async Task OnGetAsync()
    {
        var from = Day("From", FromDay, FromMonth, FromYear);
        var to = Day("To", ToDay, ToMonth, ToYear);
        if (!ModelState.IsValid) return;
        if (PageNumber < 1) PageNumber = 1;
        try
        {
            Log = await search.SearchPageAsync(User.ToActor(),
                new AccessLogSearch.Filter(PersonId, Actor, string.IsNullOrWhiteSpace(Action) ? null : Action, from, to?.AddDays(1).AddTicks(-1), Person),
                PageNumber, AccessLogSearch.DefaultPageSize, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            ModelState.AddModelError("ToDay", "The end date must be the same as or after the start date");
        }
    }

    /// <summary>The entries matching the search, every page (up to 1,000, newest first), as CSV or an Excel workbook; the
    /// export is itself logged, and for each person in it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = Shared.ExportDownload.Format(format);
        var from = Day("From", FromDay, FromMonth, FromYear);
        var to = Day("To", ToDay, ToMonth, ToYear);
        if (!ModelState.IsValid) { await OnGetAsync(); return Page(); }
        var log = await search.SearchPageAsync(User.ToActor(),
            new AccessLogSearch.Filter(PersonId, Actor, string.IsNullOrWhiteSpace(Action) ? null : Action, from, to?.AddDays(1).AddTicks(-1), Person),
            1, Core.Exports.ListExport.MaxRows, HttpContext.RequestAborted);
        return await Shared.ExportDownload.SendAsync(HttpContext, export, fileFormat, "audit", "access-log", ["When", "Who", "Role", "What they did", "About", "Why"],
            log.Rows.Select(r => (IReadOnlyList<string?>)[Shared.UkTime.Show(r.Entry.At), r.Entry.ActorName, Core.Organisation.Roles.Describe(r.Entry.ActorRole),
                r.Summary, r.PersonName, r.Entry.Reason]).ToList(),
            log.Rows.Select(r => r.Entry.PersonId),
            string.Join(", ", new[] { ("person", Person), ("user", Actor), ("action", Action) }.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1} {f.Item2}")));
    }

    /// <summary>The CSV of the entries, under its first address.</summary>
    public Task<IActionResult> OnGetCsvAsync() => OnGetExportAsync("csv");

    /// <summary>The address of page n with the same search.</summary>
    public string Href(int page)
    {
        var q = Request.Query.Where(kv => kv.Key != "page").Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value.ToString())).ToList();
        q.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/admin/audit" + QueryString.Create(q);
    }

    /// <summary>The address of the download in a format, the search kept.</summary>
    public string ExportHref(string format) => Shared.ExportLinks.FromQuery(Request, "/admin/audit", "Export")(format);

    /// <summary>The start of a London day from a GOV.UK date input, or null when all three parts are blank.</summary>
    private DateTimeOffset? Day(string prefix, string? day, string? month, string? year)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year)) return null;
        if (int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y) && y is >= 1900 and <= 9999
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            var local = new DateTime(y, m, d);
            return new DateTimeOffset(local, london.GetUtcOffset(local));
        }
        ModelState.AddModelError(prefix + "Day", $"{(prefix == "From" ? "The start date" : "The end date")} must be a real date, for example 27 3 2026");
        return null;
    }
}
