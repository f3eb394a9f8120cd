using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.People.Flags;

/// <summary>Raise a flag by hand (C2) with a reason and the events that justify it.</summary>
public sealed class NewModel(FlagService flags, PersonAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public List<string> EventIds { get; set; } = [];

    public Person Person { get; private set; } = null!;
    public IReadOnlyList<Choice> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            await flags.RaiseAsync(User.ToActor(), Id, Code ?? "", Reason, EventIds, ct: HttpContext.RequestAborted);
            return Redirect($"/people/{Id}#flags");
        }
        catch (ProblemException e) when (e.Problem.Status != 404)
        {
            e.Problem.AddTo(ModelState, f => f switch { "code" => nameof(Code), "reason" => nameof(Reason), "eventIds" => nameof(EventIds), _ => f });
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        try { Person = await access.GetVisibleAsync(User.ToActor(), Id, HttpContext.RequestAborted); }
        catch (ProblemException) { return false; }
        var events = await flags.EvidenceChoicesAsync(User.ToActor(), Id, ct: HttpContext.RequestAborted);
        Events = events.Select(e => new Choice(e.Id, $"{Vocabulary.Describe(e.Type)}, {e.OccurredAt:d MMM yyyy}")).ToList();
        return true;
    }
}
