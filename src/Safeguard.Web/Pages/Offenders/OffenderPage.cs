using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Offenders;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Offenders;

/// <summary>A page about one registered sex offender, chosen by the route's <c>personId</c>. An offender the user may not
/// see, or someone never registered, answers 404 like anything else that does not exist.</summary>
public abstract class OffenderPage(OffenderManagement offenders) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public string? EventId { get; set; }
    [BindProperty] public string? OpenedAt { get; set; }

    public OffenderView Offender { get; private set; } = null!;
    public string Name => $"{Offender.Person.Forename} {Offender.Person.Surname}".Trim();

    /// <summary>True when the answers were checked and are shown back to be confirmed (GOV.UK check answers).</summary>
    public bool Checking { get; protected set; }

    protected async Task<bool> LoadAsync()
    {
        try
        {
            Offender = await offenders.GetAsync(User.ToActor(), PersonId, HttpContext.RequestAborted);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }

    /// <summary>The risk level in words: "Very high".</summary>
    public static string Risk(string level) => level.Length == 0 ? level : char.ToUpperInvariant(level[0]) + level[1..].Replace('-', ' ');
}
