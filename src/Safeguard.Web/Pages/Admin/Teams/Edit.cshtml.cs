using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Investigations;
using Safeguard.Core.Problems;
using Safeguard.Core.Rules.Investigations;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Admin.Teams;

/// <summary>I1: an administrator sets a team's skills and capacity. A capacity that is not a whole number from 0 to 1000 is
/// refused at the field; nothing changes.</summary>
public sealed class EditModel(TeamAdministration teams) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string? Capacity { get; set; }
    [BindProperty] public List<string> Skills { get; set; } = [];

    public TeamView Team { get; private set; } = null!;

    public static readonly IReadOnlyList<Choice> SkillChoices = TeamSkills.All
        .Select(s => new Choice(s, char.ToUpperInvariant(TeamSkills.Describe(s)[0]) + TeamSkills.Describe(s)[1..])).ToList();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Capacity = Team.Capacity.ToString(CultureInfo.InvariantCulture);
        Skills = Team.Skills.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        int? capacity = int.TryParse(Capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        try
        {
            var changed = await teams.ChangeAsync(User.ToActor(), Code, new TeamChange(capacity, Skills), HttpContext.RequestAborted);
            TempData["Notice"] = $"{changed.Name}: capacity {changed.Capacity}, skills {changed.SkillWords}";
            return Redirect("/admin/teams");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, f => f switch { "capacity" => nameof(Capacity), "skills" => nameof(Skills), _ => f });
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        try { Team = await teams.GetAsync(Code, HttpContext.RequestAborted); return true; }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }
}
