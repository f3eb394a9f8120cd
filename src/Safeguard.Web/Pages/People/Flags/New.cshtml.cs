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

    /// <summary>The answers shown back before the flag is raised (GOV.UK check answers).</summary>
    public bool Checking { get; private set; }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    /// <summary>Back from the check page to the form, with every answer kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        try
        {
            var flag = await flags.RaiseAsync(User.ToActor(), Id, Code ?? "", Reason, EventIds, ct: HttpContext.RequestAborted);
            var name = FlagCodes.Names.GetValueOrDefault(flag.Code, flag.Code);
            return Redirect(new Record.Recorded(flag.Status == FlagStatus.Confirmed ? $"{name} flag raised" : $"{name} flag suggested", Person.Id, Person.FullName,
                [flag.Status == FlagStatus.Confirmed ? "The flag is confirmed and shows on the profile now." : "A supervisor will confirm or reject it; until then it shows as suggested.",
                 $"Review by {flag.ReviewDate:d MMMM yyyy}"], flag.Id.ToString()).Keep(TempData));
        }
        catch (ProblemException e) when (e.Problem.Status != 404)
        {
            e.Problem.AddTo(ModelState, f => f switch { "code" => nameof(Code), "reason" => nameof(Reason), "eventIds" => nameof(EventIds), _ => f });
            return Page();
        }
    }

    /// <summary>All the form's problems at once, each naming its field.</summary>
    private bool CheckAnswers()
    {
        if (!FlagCodes.IsKnown(Code ?? "")) ModelState.AddModelError(nameof(Code), "Choose which flag to raise");
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), "Say why the flag is needed");
        else if (Reason.Length > 2000) ModelState.AddModelError(nameof(Reason), "Why the flag is needed must be 2,000 characters or fewer");
        return ModelState.IsValid;
    }

    public string EventText(string id) => Events.FirstOrDefault(e => e.Value == id)?.Text ?? id;

    private async Task<bool> LoadAsync()
    {
        try { Person = await access.GetVisibleAsync(User.ToActor(), Id, HttpContext.RequestAborted); }
        catch (ProblemException) { return false; }
        var events = await flags.EvidenceChoicesAsync(User.ToActor(), Id, ct: HttpContext.RequestAborted);
        Events = events.Select(e => new Choice(e.Id, $"{Vocabulary.Describe(e.Type)}, {e.OccurredAt:d MMM yyyy}")).ToList();
        return true;
    }
}
