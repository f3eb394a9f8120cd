using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Sharing;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Partner;

/// <summary>The partner practitioner's home (J1-J3): children and items shared with their organisation, referrals sent to it,
/// and the meeting decisions and tasks it owns. Nothing else in Safeguard opens for them.</summary>
public sealed class IndexModel(PartnerPortal portal) : PageModel
{
    public PartnerHome Home { get; private set; } = null!;

    public async Task OnGetAsync() => Home = await portal.HomeAsync(User.ToActor(), HttpContext.RequestAborted);
}
