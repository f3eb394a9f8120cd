using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Problems;
using Safeguard.Core.Settings;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages.Admin.Settings;

/// <summary>E3: change one setting, within the range the catalogue allows; the change is logged with the old value.</summary>
public sealed class EditModel(SettingsService settings) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";
    [BindProperty] public string? Value { get; set; }
    public SettingView Setting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Value = Setting.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            await settings.ChangeAsync(User.ToActor(), Key, Value, HttpContext.RequestAborted);
        }
        catch (ProblemException e) when (e.Problem.Status == 400)
        {
            e.Problem.AddTo(ModelState, f => f == "value" ? nameof(Value) : f);
            return Page();
        }
        return Redirect("/admin/settings");
    }

    private async Task<bool> LoadAsync()
    {
        try { Setting = await settings.GetAsync(Key, HttpContext.RequestAborted); return true; }
        catch (ProblemException e) when (e.Problem.Status == 404) { return false; }
    }
}
