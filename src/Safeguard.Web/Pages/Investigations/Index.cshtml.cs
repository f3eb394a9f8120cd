using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Investigations;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Investigations;

/// <summary>Investigations, newest opened first, a page at a time, filtered by team and status, each with when its next
/// supervisory review is due; and where to open a new one.</summary>
public sealed class IndexModel(InvestigationService investigations, TeamAdministration teams) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>The page shown (from the <c>page</c> query parameter; "page" is a route value of its own in Razor Pages).</summary>
    public int PageNumber { get; private set; } = 1;

    public InvestigationList List { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Choice> Teams { get; private set; } = [];
    public bool MayOpen => User.MayOpen("/Investigations/Open");

    public static readonly IReadOnlyList<Choice> Statuses =
        [new("open", "Open, not yet allocated"), new("allocated", "Allocated"), new("closed", "Closed")];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        PageNumber = Math.Max(1, page ?? 1);
        var all = await teams.ListAsync(HttpContext.RequestAborted);
        Teams = all.Where(t => AllocationAdvice.InvestigatingKinds.Contains(t.Kind) || t.Skills.Count > 0 || t.Code == Team)
            .Select(t => new Choice(t.Code, t.Name)).ToList();
        try
        {
            List = await investigations.ListAsync(User.ToActor(),
                new InvestigationFilter(Blank(Team), Blank(Status), PageNumber, PageSize), HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, f => f switch { "team" => nameof(Team), "status" => nameof(Status), _ => f });
        }
        return Page();
    }

    public string Href(int page) =>
        "/investigations?" + string.Join("&", new[] { ("team", Team), ("status", Status) }.Where(x => !string.IsNullOrWhiteSpace(x.Item2))
            .Select(x => $"{x.Item1}={Uri.EscapeDataString(x.Item2!)}").Append($"page={page}"));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
