using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Referrals;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Referrals;

/// <summary>J2, J3: referrals the police sent to partners and received from them, open or overdue (WT1 screening, WT5
/// assessment), with each one's response time and the response times of all that match.</summary>
public sealed class IndexModel(ReferralService referrals) : PageModel
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
