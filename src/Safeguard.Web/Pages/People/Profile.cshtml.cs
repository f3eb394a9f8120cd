using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Flags;
using Safeguard.Core.Problems;
using Safeguard.Core.Profiles;
using Safeguard.Core.Recording;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>A person's profile (A2, D3): everything known, drawn together, now or as it stood at an
/// instant. Flags can be confirmed, rejected or ended here by those allowed to (C4).</summary>
public sealed class ProfileModel(ProfileBuilder profiles, FlagService flags) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>"As at" date and time (local input, treated as UTC when no offset is given).</summary>
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public ProfileView Profile { get; private set; } = null!;
    public bool CanDecideFlags { get; private set; }
    public bool CanRecord { get; private set; }
    public bool Historic { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(Guid flagId) => DecideAsync(flagId, (a, r, v) => flags.ConfirmAsync(a, Id, flagId, r, expectedVersion: v));
    public Task<IActionResult> OnPostRejectAsync(Guid flagId) => DecideAsync(flagId, (a, r, v) => flags.RejectAsync(a, Id, flagId, r, expectedVersion: v));
    public Task<IActionResult> OnPostEndAsync(Guid flagId) => DecideAsync(flagId, (a, r, v) => flags.EndAsync(a, Id, flagId, r, expectedVersion: v));

    private async Task<IActionResult> DecideAsync(Guid flagId, Func<Core.Organisation.Actor, string?, int?, Task<Flag>> decide)
    {
        try
        {
            // Each flag's form has its own reason field, so the ids on the page stay unique. The version the page
            // showed travels with the decision: if someone decided in the meantime, this one is refused, not applied.
            string? reason = Request.Form[$"Reason-{flagId}"];
            int? version = int.TryParse(Request.Form[$"Version-{flagId}"], out var v) ? v : null;
            await decide(User.ToActor(), reason, version);
            return Redirect($"/people/{Id}#flags");
        }
        catch (ProblemException e) when (e.Problem.Status != 404)
        {
            e.Problem.AddTo(ModelState, f => f == "reason" ? $"Reason-{flagId}" : f);
            return await LoadAsync() ? Page() : NotFound();
        }
    }

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private async Task<bool> LoadAsync()
    {
        DateTimeOffset? at = null;
        if (AsOf is { Length: > 0 })
        {
            if (Shared.UkTime.TryParse(AsOf, out var parsed)) at = parsed;
            else ModelState.AddModelError(nameof(AsOf), "Enter a date and time, for example 2026-03-01T21:00");
        }
        try
        {
            var actor = User.ToActor();
            Profile = await profiles.BuildAsync(actor, Id, at, ct: HttpContext.RequestAborted);
            Historic = at is not null;
            if (at is { } asOf && Profile.Person.DateOfBirth is { } born && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, London).DateTime) < born)
            {
                // Nobody has a record before they were born ("aged -10"): say so and show the profile as it is now.
                ModelState.AddModelError(nameof(AsOf), $"The date must be on or after {Profile.Person.Forename} {Profile.Person.Surname}’s date of birth, {born:d MMMM yyyy}");
                Profile = await profiles.BuildAsync(actor, Id, null, ct: HttpContext.RequestAborted);
                Historic = false;
            }
            CanDecideFlags = actor.CanDecideFlags && !Historic;
            CanRecord = actor.CanRecord;
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }
}
