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
public sealed class IndexModel(PeopleFinder finder, SafeguardDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? DateOfBirth { get; set; }
    [BindProperty(SupportsGet = true)] public string? Postcode { get; set; }
    /// <summary>The page of the list ("page" in the query; read by hand, since Razor Pages' own route value "page" names the page).</summary>
    public int PageNumber { get => _page ?? (int.TryParse(Request.Query["page"], out var n) && n >= 1 ? n : 1); set => _page = value; }
    private int? _page;

    public const int PageSize = 25;
    /// <summary>How many people the search found in all (the page shows at most <see cref="PageSize"/>).</summary>
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    /// <summary>Today in London, for ages.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>Whole years from the date of birth to today; null when the date of birth is not known.</summary>
    public int? AgeOf(Person p) => p.DateOfBirth is not { } dob ? null
        : Today.Year - dob.Year - (Today < dob.AddYears(Today.Year - dob.Year) ? 1 : 0);

    public string Href(int page) => "/people" + QueryString.Create(new Dictionary<string, string?>
    {
        ["Name"] = Name, ["DateOfBirth"] = DateOfBirth, ["Postcode"] = Postcode,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    /// <summary>"Add a new person", carrying the name and date of birth searched for, so they need not be typed again.</summary>
    public string AddPersonHref => "/people/new" + QueryString.Create(new Dictionary<string, string?>
    {
        ["Name"] = Name?.Trim(), ["DateOfBirth"] = ModelState.IsValid ? DateOfBirth : null,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public bool Searched { get; private set; }
    /// <summary>The date of birth as typed into the day, month and year boxes (the same input and reading as "add a person").</summary>
    public Shared.DateTimeParts DateOfBirthParts { get; private set; } = new();
    public IReadOnlyList<(PersonHit Hit, IReadOnlyList<FlagTag> Flags)> Results { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // The day, month and year boxes (the same as "add a person"); a plain DateOfBirth=2014-05 link still works.
        if (Shared.DateTimeParts.Posted(Request.Query, nameof(DateOfBirth)))
        {
            DateOfBirthParts = Shared.DateTimeParts.From(Request.Query, nameof(DateOfBirth));
            if (!DateOfBirthParts.TryReadPartialDate("the date of birth", out var text, out var problem))
            {
                ModelState.AddModelError(nameof(DateOfBirth), problem!);
                return;
            }
            DateOfBirth = text;
        }
        else DateOfBirthParts = DateOfBirthQuery.Parse(DateOfBirth) is { } q
            ? new Shared.DateTimeParts { Year = q.Year.ToString("0000"), Month = q.Month?.ToString(), Day = q.Day?.ToString() }
            : Shared.DateTimeParts.FromText(DateOfBirth);
        if (string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(DateOfBirth) && string.IsNullOrWhiteSpace(Postcode)) return;
        if (!string.IsNullOrWhiteSpace(DateOfBirth) && DateOfBirthQuery.Parse(DateOfBirth) is null)
        {
            ModelState.AddModelError(nameof(DateOfBirth), "The date of birth must be a real date, or just a year, or a month and year");
            return;
        }
        Searched = true;
        var actor = User.ToActor();
        Today = Core.Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow());
        if (PageNumber < 1) PageNumber = 1;
        var (hits, total) = await finder.FindPageAsync(actor, new PersonQuery(Name, DateOfBirth, Postcode), PageNumber, PageSize, "search page",
            HttpContext.RequestAborted);
        Total = total;
        var ids = hits.Select(h => h.Person.Id).ToList();
        var flags = (await db.Flags.Where(f => ids.Contains(f.PersonId)).ToListAsync(HttpContext.RequestAborted)).ToLookup(f => f.PersonId);
        Results = hits.Select(h => (h, FlagViews.Tags(flags[h.Person.Id]))).ToList();
    }
}
