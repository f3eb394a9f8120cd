using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Schools;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Encompass;

/// <summary>H2: Operation Encompass notifications not yet sent (overdue first) and those sent in the last four weeks, each naming
/// the school and key adult told.</summary>
public sealed class IndexModel(EncompassBoard board) : PageModel
{
    public IReadOnlyList<EncompassRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await board.ListAsync(User.ToActor(), ct: HttpContext.RequestAborted);
}
