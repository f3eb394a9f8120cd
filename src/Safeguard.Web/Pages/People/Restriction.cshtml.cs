using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Records;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.People;

/// <summary>Restricts a person to named users and API clients (P1), changes who is named, or lifts the restriction; for
/// administrators, through the same service as <c>PUT/DELETE /api/v1/people/{id}/restriction</c>. Everyone not named is
/// answered as if the person did not exist, everywhere.</summary>
public sealed class RestrictionModel(Restrictions restrictions, PersonAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>One user or client a line: a username, <c>user:USERNAME</c> or <c>client:NAME</c>.</summary>
    [BindProperty] public string? Allowed { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LiftReason { get; set; }

    public Person Person { get; private set; } = null!;
    public RestrictionView Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Allowed ??= string.Join("\n", Current.Allowed.Select(Display));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        var names = Pages.EventForms.Lines(Allowed).Select(n => n.Contains(':') ? n : "user:" + n.ToLowerInvariant()).ToList();
        try
        {
            var was = Current.Restricted;
            var view = await restrictions.RestrictAsync(User.ToActor(), Id, names, Reason, HttpContext.RequestAborted);
            TempData["Notice"] = $"{(was ? "Restriction changed" : "Record restricted")}: only {string.Join(", ", view.Allowed.Select(Display))} and administrators can see {Person.FullName}";
            return Redirect($"/people/{Id}/restriction");
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, field => field switch { "allowed" => nameof(Allowed), "reason" => nameof(Reason), _ => "" });
            return Page();
        }
    }

    public async Task<IActionResult> OnPostLiftAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (string.IsNullOrWhiteSpace(LiftReason))
        {
            ModelState.AddModelError(nameof(LiftReason), "Say why the restriction is lifted; the access log keeps it");
            Allowed ??= string.Join("\n", Current.Allowed.Select(Display));
            return Page();
        }
        await restrictions.LiftAsync(User.ToActor(), Id, LiftReason, HttpContext.RequestAborted);
        TempData["Notice"] = $"Restriction lifted: everyone who may read people can see {Person.FullName} again";
        return Redirect($"/people/{Id}/restriction");
    }

    /// <summary>A named user by username, a client as "client NAME".</summary>
    public static string Display(string actorId) => actorId.StartsWith("user:", StringComparison.Ordinal) ? actorId[5..] : actorId;

    private async Task<bool> LoadAsync()
    {
        try
        {
            Person = await access.GetVisibleAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            Current = await restrictions.GetAsync(User.ToActor(), Id, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404)
        {
            return false;
        }
    }
}
