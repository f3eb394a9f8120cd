using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Schools;

/// <summary>Change a school's name, local authority or key adult (a new key adult starts, a school joins an academy trust).
/// Two administrators changing the same school at once: the second is told to read it again.</summary>
public sealed class EditModel(SchoolService schools) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? LocalAuthority { get; set; }
    [BindProperty] public string? KeyAdultName { get; set; }
    [BindProperty] public string? KeyAdultContact { get; set; }
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var school = await schools.FindAsync(Code, HttpContext.RequestAborted);
        if (school is null) return NotFound();
        (Name, LocalAuthority, KeyAdultName, KeyAdultContact, Version) = (school.Name, school.LocalAuthority, school.KeyAdultName, school.KeyAdultContact, school.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var school = await schools.ChangeAsync(User.ToActor(), Code, new SchoolInput(Code, Name, LocalAuthority, KeyAdultName, KeyAdultContact), Version,
                HttpContext.RequestAborted);
            TempData["Notice"] = $"{school.Name} changed.";
            return Redirect("/admin/schools");
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return NotFound();
        }
        catch (ProblemException e) when (e.Problem.Status is 400 or 409)
        {
            if (e.Problem.Errors is null) ModelState.AddModelError(nameof(Name), "Someone else changed this school while you were editing it: open it again to see their change");
            else e.Problem.AddTo(ModelState, SchoolFields.Map);
            return Page();
        }
    }
}
