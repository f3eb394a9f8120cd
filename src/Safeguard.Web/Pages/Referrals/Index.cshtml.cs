using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.Problems;
using Safeguard.Core.Referrals;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>J2, J3: referrals the police sent to partners and received from them, open or overdue (WT1 screening, WT5
/// assessment), with each one's response time and the response times of all that match. Downloadable as CSV or an Excel
/// workbook (every referral that matches, up to the export limit), audited per person.</summary>
public sealed class IndexModel(ReferralService referrals, ListExport export) : PageModel
{
    public static readonly IReadOnlyList<Choice> DirectionChoices = [new("", "Sent and received"), new("sent", "Sent to partners"), new("received", "Received from partners")];
    public static readonly IReadOnlyList<Choice> StateChoices = [new("open", "Open"), new("overdue", "Overdue"), new("closed", "Closed or declined"), new("", "All")];

    [BindProperty(SupportsGet = true)] public string? Direction { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; } = "open";
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ReferralPage Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Result = await referrals.ListAsync(User.ToActor(), new ReferralQuery(Blank(Direction), Blank(State), Page: Math.Max(PageNumber, 1)), HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            return Redirect("/referrals");
        }
        return Page();
    }

    /// <summary>The referrals that match the filters (every page, up to the export limit, in the list's order) as CSV or an
    /// Excel workbook; the export is written to the access log against each child in it.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var fileFormat = ExportDownload.Format(format);
        const int pageSize = 200;
        var rows = new List<ReferralRow>();
        for (var page = 1; rows.Count < ListExport.MaxRows; page++)
        {
            var result = await referrals.ListAsync(User.ToActor(), new ReferralQuery(Blank(Direction), Blank(State), Page: page, PageSize: pageSize), HttpContext.RequestAborted);
            rows.AddRange(result.Items);
            if (page * pageSize >= result.Total) break;
        }
        rows = rows.Take(ListExport.MaxRows).ToList();
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "referrals", "referrals",
            ["Child", "Direction", "To or from", "Kind", "Made", "Status", "Overdue", "Next due", "Response time", "Reference"],
            rows.Select(r => (IReadOnlyList<string?>)[string.Join(", ", r.People.Select(p => p.Name)), r.Direction == "sent" ? "Sent" : "Received",
                r.Direction == "sent" ? r.ToName : r.FromName, Kind(r.Kind), UkTime.Show(r.SentAt), Status(r), r.Overdue ? "Yes" : "No",
                r.ScreeningDueAt is { } s ? $"Screening by {UkTime.Show(s)}" : r.AssessmentDueAt is { } a ? $"Assessment by {UkTime.Show(a)}" : "Nothing",
                r.ResponseTime is { } t ? Duration(t) : "Not answered", r.Id]).ToList(),
            rows.SelectMany(r => r.People.Select(p => (Guid?)p.PersonId)).Distinct(),
            $"direction={Blank(Direction) ?? "all"}; state={Blank(State) ?? "all"}");
    }

    public string Href(int page) => $"/referrals?direction={Direction}&state={State}&page={page}";

    /// <summary>A duration in words: "3 hours 20 minutes", "2 days 4 hours".</summary>
    public static string Duration(TimeSpan t) => t.TotalHours < 1 ? $"{(int)t.TotalMinutes} minutes"
        : t.TotalDays < 1 ? $"{(int)t.TotalHours} hours {t.Minutes} minutes" : $"{(int)t.TotalDays} days {t.Hours} hours";

    public static string Status(ReferralRow r) => r.Status switch
    {
        "awaiting-response" => r.Direction == "sent" ? "Sent" : "Received",
        "received" => "Received",
        "screened" => "Screened",
        "accepted" => "Accepted",
        "declined" => "Declined",
        "closed" => "Closed",
        _ => r.Status,
    };

    public static string Kind(string kind) => kind switch
    {
        "mash" => "MASH", "social-care" => "Children's social care", "marac" => "MARAC", "health" => "Health", "education" => "Education", _ => kind,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
