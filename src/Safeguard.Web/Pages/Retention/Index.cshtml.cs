using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Retention;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Retention;

/// <summary>The retention review queue (P5, RT1): every record whose next review date has come, longest overdue first,
/// a page at a time, for supervisors and administrators. Each person listed is written to the access log.</summary>
public sealed class IndexModel(RetentionReviews reviews) : PageModel
{
    /// <summary>The page of the list ("page" in the query; read by hand, since Razor Pages' own route value "page" names the page).</summary>
    public int PageNumber { get => _page ?? (int.TryParse(Request.Query["page"], out var n) && n >= 1 ? n : 1); set => _page = value; }
    private int? _page;

    /// <summary>Set after a deletion, to say so.</summary>
    [BindProperty(SupportsGet = true)] public bool Deleted { get; set; }

    public RetentionQueuePage Queue { get; private set; } = new([], 0, 1, RetentionReviews.DefaultPageSize);

    public async Task OnGetAsync()
    {
        Queue = await reviews.QueueAsync(User.ToActor(), PageNumber, RetentionReviews.DefaultPageSize, HttpContext.RequestAborted);
        if (Queue.Items.Count == 0 && Queue.Total > 0)
        {
            PageNumber = Queue.Pages;
            Queue = await reviews.QueueAsync(User.ToActor(), PageNumber, RetentionReviews.DefaultPageSize, HttpContext.RequestAborted);
        }
    }

    public string Href(int page) => "/retention?page=" + page.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
