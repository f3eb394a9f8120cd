using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Settings;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Settings;

/// <summary>E3: every threshold and time limit the rules use, grouped by area, with the value in force.</summary>
public sealed class IndexModel(SettingsService settings) : PageModel
{
    public IReadOnlyList<IGrouping<string, SettingView>> Areas { get; private set; } = [];

    public async Task OnGetAsync() =>
        Areas = (await settings.ListAsync(HttpContext.RequestAborted)).GroupBy(s => s.Area).ToList();
}
