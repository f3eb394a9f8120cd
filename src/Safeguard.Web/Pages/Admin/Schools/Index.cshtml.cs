using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Schools;

/// <summary>DA4, H2: the schools Operation Encompass notifies, each with the local authority whose term dates it keeps and its
/// key adult. Administrators add schools here and change them on the school's own page.</summary>
public sealed class IndexModel(SchoolService schools) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? LocalAuthority { get; set; }
    [BindProperty] public string? KeyAdultName { get; set; }
    [BindProperty] public string? KeyAdultContact { get; set; }

    public IReadOnlyList<School> Schools { get; private set; } = [];
    public IReadOnlyList<Choice> Authorities { get; private set; } = [];
    public IReadOnlySet<string> AuthoritiesWithTerms { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var school = await schools.AddAsync(User.ToActor(), new SchoolInput(Code, Name, LocalAuthority, KeyAdultName, KeyAdultContact), HttpContext.RequestAborted);
            TempData["Notice"] = $"{school.Name} added.";
            return Redirect("/admin/schools");
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            e.Problem.AddTo(ModelState, SchoolFields.Map);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Schools = await schools.ListAsync(ct);
        Authorities = (await schools.LocalAuthoritiesAsync(ct)).Select(a => new Choice(a, a)).ToList();
        AuthoritiesWithTerms = (await schools.TermsAsync(null, ct)).Select(t => t.LocalAuthority).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Which page field each of the service's error fields belongs to.</summary>
internal static class SchoolFields
{
    public static string Map(string field) => field switch
    {
        "code" => "Code", "name" => "Name", "localAuthority" => "LocalAuthority", "keyAdultName" => "KeyAdultName",
        "keyAdultContact" => "KeyAdultContact", "startDate" => "StartDate", "endDate" => "EndDate", _ => field,
    };
}
