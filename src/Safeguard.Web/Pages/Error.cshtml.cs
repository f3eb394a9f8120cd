using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Safeguard.Web.Pages;

/// <summary>The page shown for an unhandled error (<c>app.UseExceptionHandler("/error")</c>).
/// It answers any method, since the failed request is re-executed here as it came, and shows the
/// trace id so that support can find the logged exception. It never shows the exception itself.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string? Reference { get; private set; }

    public void OnGet() => Prepare();

    public void OnPost() => Prepare();

    private void Prepare()
    {
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (Response.StatusCode < 400)
        {
            Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }
}
