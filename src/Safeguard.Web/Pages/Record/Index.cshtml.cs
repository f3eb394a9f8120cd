using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Recording;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Record;

/// <summary>What can be recorded, and the user's unfinished drafts to pick up again (B4).</summary>
public sealed class IndexModel(DraftStore drafts) : PageModel
{
    public IReadOnlyList<Draft> Drafts { get; private set; } = [];

    public async Task OnGetAsync() => Drafts = await drafts.ListAsync(User.ToActor().Id, HttpContext.RequestAborted);

    public static string ResumeUrl(Draft d) => d.Kind switch
    {
        "ppn" => $"/record/ppn/{d.Id}/check",
        "domestic-abuse" => $"/record/domestic-abuse/{d.Id}/check",
        _ => "/record",
    };
}
