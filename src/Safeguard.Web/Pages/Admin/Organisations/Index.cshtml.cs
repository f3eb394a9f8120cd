using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Organisations;

/// <summary>Partner organisations (J1) and how many users each has; administrators add one here, then add its users
/// (role partner practitioner) on the users page.</summary>
public sealed class IndexModel(PartnerOrganisations organisations) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? LocalAuthority { get; set; }
    public IReadOnlyList<OrganisationView> All { get; private set; } = [];
    public static IReadOnlyList<Choice> KindChoices { get; } =
        PartnerOrganisations.Kinds.Select(k => new Choice(k, PartnerOrganisations.DescribeKind(k))).ToList();

    public async Task OnGetAsync() => All = await organisations.ListAsync(User.ToActor(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var added = await organisations.AddAsync(User.ToActor(), new NewOrganisation(Code, Name, Kind, LocalAuthority), HttpContext.RequestAborted);
            TempData["Notice"] = $"{added.Name} added. Add its practitioners on the users page with the role partner practitioner.";
            return Redirect("/admin/organisations");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, field => field switch
            {
                "code" => nameof(Code), "name" => nameof(Name), "kind" => nameof(Kind), "localAuthority" => nameof(LocalAuthority), _ => "",
            });
            All = await organisations.ListAsync(User.ToActor(), HttpContext.RequestAborted);
            return Page();
        }
    }
}
