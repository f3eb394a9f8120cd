using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Web.Hosting;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.People.Flags;

/// <summary>C4: a supervisor or investigator confirms, rejects or ends one flag. The reason is asked for (required to
/// reject or end), checked back (GOV.UK check answers) and only then applied, with the version of the flag the
/// decider read: if someone decided in the meantime the decision is refused and the form shown again, reason kept.</summary>
public sealed class DecideModel(ProfileBuilder profiles, FlagService flags, ActorNames actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid FlagId { get; set; }
    [BindProperty(SupportsGet = true)] public string Decision { get; set; } = "";
    /// <summary>The flag's version when the decider read it (from the profile's link), carried to the decision.</summary>
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public ProfileView Profile { get; private set; } = null!;
    public FlagView Flag { get; private set; } = null!;
    public bool Checking { get; private set; }
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();
    public string Who(string actorId) => Actors.TryGetValue(actorId, out var name) ? name : ActorNames.Describe(actorId);

    /// <summary>The decision in words: "Confirm", "Reject", "End".</summary>
    public string Verb => Decision switch { "confirm" => "Confirm", "reject" => "Reject", _ => "End" };
    /// <summary>What the flag becomes: "confirmed", "rejected", "ended".</summary>
    public string Outcome => Decision switch { "confirm" => "confirmed", "reject" => "rejected", _ => "ended" };
    public bool ReasonRequired => Decision != "confirm";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Version ??= Flag.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Checking = CheckAnswers();
        return Page();
    }

    /// <summary>Back from the check page to the form, with the reason kept.</summary>
    public async Task<IActionResult> OnPostChangeAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CheckAnswers()) return Page();
        var actor = User.ToActor();
        var ct = HttpContext.RequestAborted;
        try
        {
            var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
            var flag = Decision switch
            {
                "confirm" => await flags.ConfirmAsync(actor, Id, FlagId, reason, ct, Version),
                "reject" => await flags.RejectAsync(actor, Id, FlagId, reason, ct, Version),
                _ => await flags.EndAsync(actor, Id, FlagId, reason, ct, Version),
            };
            var person = Profile.Person;
            var name = $"{person.Forename} {person.Surname}";
            var now = flag.History.Max(h => h.At);
            return Redirect(new Record.Recorded($"Flag {Outcome}: {Flag.Name}", Id, name,
                [$"{char.ToUpperInvariant(Outcome[0])}{Outcome[1..]} by you {UkTime.Show(now)}", reason is null ? "No reason given" : $"Reason: {reason}"],
                flag.Id.ToString(), [WhatNext(flag, name)], [new Record.RecordedLink($"Go to {name}’s flags", $"/people/{Id}#flags")]).Keep(TempData));
        }
        catch (ProblemException e) when (e.Problem.Status != 404)
        {
            e.Problem.AddTo(ModelState, f => f == "reason" ? nameof(Reason) : f);
            await LoadAsync();
            return Page();
        }
    }

    private string WhatNext(Flag flag, string name) => Decision switch
    {
        "confirm" => $"The flag shows on {name}’s profile and beside their name wherever they appear{(flag.ReviewDate is { } review ? $"; review it by {review:d MMMM yyyy}" : "")}.",
        "reject" => "The suggestion no longer shows as live; it stays in the flag’s history with your reason.",
        _ => "The flag no longer shows as live; it stays in the flag’s history with your reason.",
    };

    /// <summary>All the form's problems at once, each naming its field.</summary>
    private bool CheckAnswers()
    {
        if (ReasonRequired && string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), $"Enter the reason you are {(Decision == "reject" ? "rejecting" : "ending")} the flag");
        else if (Reason is { Length: > 2000 }) ModelState.AddModelError(nameof(Reason), "The reason must be 2,000 characters or fewer");
        return ModelState.IsValid;
    }

    private async Task<bool> LoadAsync()
    {
        if (Decision is not ("confirm" or "reject" or "end") || !User.ToActor().CanDecideFlags) return false;
        try
        {
            Profile = await profiles.BuildAsync(User.ToActor(), Id, ct: HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
        if (Profile.Flags.FirstOrDefault(f => f.Id == FlagId) is not { } flag) return false;
        Flag = flag;
        Actors = await actors.NamesAsync(flag.History.Select(h => h.By), HttpContext.RequestAborted);
        return true;
    }
}
