using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Safeguard.Web.Pages.Record;

/// <summary>What a recording journey just did, shown once on the confirmation page (GOV.UK confirmation pattern):
/// what was recorded and for whom, what happens next (the tasks the rules raised, due when), and where to go
/// (the child's profile, and any page of the journey such as the missing episode).</summary>
public sealed record Recorded(string Title, Guid PersonId, string PersonName, IReadOnlyList<string> Details, string? Reference = null,
    IReadOnlyList<string>? Next = null, IReadOnlyList<RecordedLink>? Links = null)
{
    private const string Key = "Recorded";

    /// <summary>Keeps this for the confirmation page and returns where to go.</summary>
    public string Keep(ITempDataDictionary tempData)
    {
        tempData[Key] = JsonSerializer.Serialize(this);
        return "/record/confirmation";
    }

    public static Recorded? Take(ITempDataDictionary tempData) =>
        tempData[Key] is string json ? JsonSerializer.Deserialize<Recorded>(json) : null;
}

/// <summary>A link offered under "What next" on the confirmation page.</summary>
public sealed record RecordedLink(string Text, string Href);

/// <summary>The confirmation page after a recording journey. Shown only straight after something was recorded;
/// opened any other time it says plainly that nothing has just been recorded, never claiming otherwise.</summary>
public sealed class ConfirmationModel : PageModel
{
    public Recorded? Done { get; private set; }

    public IActionResult OnGet()
    {
        Done = Recorded.Take(TempData);
        return Page();
    }
}
