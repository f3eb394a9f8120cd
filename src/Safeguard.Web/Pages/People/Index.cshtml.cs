using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Profiles;
using Safeguard.Core.Records;
using Safeguard.Core.Search;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>Find a person (D1): name with spelling variants, partial date of birth, postcode; flags shown in the results (C3).</summary>
public sealed class IndexModel(PeopleFinder finder, SafeguardDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? DateOfBirth { get; set; }
    [BindProperty(SupportsGet = true)] public string? Postcode { get; set; }

    public bool Searched { get; private set; }
    public IReadOnlyList<(PersonHit Hit, IReadOnlyList<FlagTag> Flags)> Results { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(DateOfBirth) && string.IsNullOrWhiteSpace(Postcode)) return;
        if (!string.IsNullOrWhiteSpace(DateOfBirth) && DateOfBirthQuery.Parse(DateOfBirth) is null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), "Enter a date of birth like 2014-05-06, 2014-05 or 2014 (or 06/05/2014)");
            return;
        }
        Searched = true;
        var actor = User.ToActor();
        var hits = await finder.FindAsync(actor, new PersonQuery(Name, DateOfBirth, Postcode), 50, "search page", HttpContext.RequestAborted);
        var ids = hits.Select(h => h.Person.Id).ToList();
        var flags = (await db.Flags.Where(f => ids.Contains(f.PersonId)).ToListAsync(HttpContext.RequestAborted)).ToLookup(f => f.PersonId);
        Results = hits.Select(h => (h, FlagViews.Tags(flags[h.Person.Id]))).ToList();
    }
}
