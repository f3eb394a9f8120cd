using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Exports;
using Safeguard.Core.MatchReviews;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Matching.Reviews;

/// <summary>Possible matches waiting for a decision (D5, O), newest first, a page at a time (issue 8 point 5), and
/// downloadable as CSV or an Excel workbook (point 9). Only those who may merge see the queue; to anyone else it does
/// not exist (P1).</summary>
public sealed class IndexModel(MatchReviewService reviews, ListExport export, Core.Organisation.ActorNames names) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = MatchReviewStatus.Open;
    /// <summary>The page of the list ("page" in the query; read by hand, since Razor Pages' own route value "page" names the page).</summary>
    public int PageNumber { get => _page ?? (int.TryParse(Request.Query["page"], out var n) && n >= 1 ? n : 1); set => _page = value; }
    private int? _page;

    public MatchReviewPage Result { get; private set; } = new([], 0, 1, MatchReviewService.DefaultPageSize);
    public IReadOnlyList<MatchReviewItem> Items => Result.Items;

    public async Task<IActionResult> OnGetAsync()
    {
        var actor = User.ToActor();
        if (!MatchReviewService.MayReview(actor)) return NotFound();
        if (!MatchReviewStatus.All.Contains(Status)) Status = MatchReviewStatus.Open;
        Result = await reviews.ListPageAsync(actor, Status, PageNumber, MatchReviewService.DefaultPageSize, HttpContext.RequestAborted);
        // A page past the end (the list shrank as others decided): show the last page rather than an empty one.
        if (Result.Items.Count == 0 && Result.Total > 0)
        {
            PageNumber = Result.Pages;
            Result = await reviews.ListPageAsync(actor, Status, PageNumber, MatchReviewService.DefaultPageSize, HttpContext.RequestAborted);
        }
        return Page();
    }

    /// <summary>Every review of the status shown (up to 1,000, newest first) as CSV or an Excel workbook, written to the
    /// access log for the export and for both people of each pair.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        var actor = User.ToActor();
        if (!MatchReviewService.MayReview(actor)) return NotFound();
        var fileFormat = ExportDownload.Format(format);
        if (!MatchReviewStatus.All.Contains(Status)) Status = MatchReviewStatus.Open;
        var list = await reviews.ListPageAsync(actor, Status, 1, ListExport.MaxRows, HttpContext.RequestAborted);
        var who = await names.NamesAsync(list.Items.Select(i => i.Review.DecidedBy ?? ""), HttpContext.RequestAborted);
        return await ExportDownload.SendAsync(HttpContext, export, fileFormat, "match-reviews", "possible-matches",
            ["New record", "New record's date of birth", "Existing record", "Existing record's date of birth", "Score", "Why they may match",
                "Found by", "Found", "Status", "Decided by", "Decided", "Reason"],
            list.Items.Select(i => (IReadOnlyList<string?>)[i.Incoming.FullName, Born(i.Incoming), i.Candidate.FullName, Born(i.Candidate),
                i.Review.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), string.Join("; ", i.Review.Reasons), FoundBy(i.Review.Source),
                UkTime.Show(i.Review.CreatedAt), StatusName(i.Review.Status), i.Review.DecidedBy is { } by ? who[by] : null, i.Review.DecidedAt is { } d ? UkTime.Show(d) : null,
                i.Review.Reason]).ToList(),
            list.Items.SelectMany(i => new Guid?[] { i.Incoming.Id, i.Candidate.Id }), "status " + Status);
    }

    /// <summary>Where the possible match was found, in words.</summary>
    public static string FoundBy(string source) =>
        source == MatchReviewService.FromCreation ? "Adding a person" : source.StartsWith("import:", StringComparison.Ordinal) ? "Import from " + source["import:".Length..] : source;

    public static string StatusName(string status) => status switch
    {
        MatchReviewStatus.Open => "Waiting",
        MatchReviewStatus.Linked => "Linked",
        MatchReviewStatus.KeptApart => "Kept apart",
        _ => status,
    };

    public string Href(int page) => $"/matching/reviews?status={Uri.EscapeDataString(Status)}" + (page > 1 ? $"&page={page}" : "");

    public string ExportHref(string format) => $"/matching/reviews?status={Uri.EscapeDataString(Status)}&handler=Export&format={format}";

    private static string Born(Core.Records.Person p) =>
        p.DateOfBirth?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "Not known";
}
