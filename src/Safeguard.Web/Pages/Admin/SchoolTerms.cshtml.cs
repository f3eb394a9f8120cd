using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Admin.Schools;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin;

/// <summary>DA4: each local authority's school terms, held as data. Administrators add each term (or half term) as the
/// authority publishes them, and remove one entered in error; Operation Encompass deadlines follow them.</summary>
public sealed class SchoolTermsModel(SchoolService schools) : PageModel
{
    [BindProperty] public string? LocalAuthority { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateTimeParts StartDate { get; set; } = new();
    [BindProperty] public DateTimeParts EndDate { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public IReadOnlyList<SchoolTerm> Terms { get; private set; } = [];
    public IReadOnlyList<Choice> Authorities { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        // The service checks every field at once; a date that cannot be read goes to it as missing, so it is reported with the rest.
        string? start = StartDate.TryReadDate("the first day of term", out var first, out _) ? first.ToString("yyyy-MM-dd") : null;
        string? end = EndDate.TryReadDate("the last day of term", out var last, out _) ? last.ToString("yyyy-MM-dd") : null;
        try
        {
            var term = await schools.AddTermAsync(User.ToActor(), LocalAuthority, Name, start, end, HttpContext.RequestAborted);
            TempData["Notice"] = $"{term.Name} added for {term.LocalAuthority}.";
            return Redirect($"/admin/school-terms?show={Uri.EscapeDataString(term.LocalAuthority)}");
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            e.Problem.AddTo(ModelState, SchoolFields.Map);
            await LoadAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        try
        {
            await schools.RemoveTermAsync(User.ToActor(), id, HttpContext.RequestAborted);
            TempData["Notice"] = "Term removed.";
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            TempData["Notice"] = "That term had already been removed.";
        }
        return Redirect("/admin/school-terms" + (Show is null ? "" : $"?show={Uri.EscapeDataString(Show)}"));
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Authorities = (await schools.LocalAuthoritiesAsync(ct)).Select(a => new Choice(a, a)).ToList();
        Terms = await schools.TermsAsync(string.IsNullOrWhiteSpace(Show) ? null : Show, ct);
    }
}
