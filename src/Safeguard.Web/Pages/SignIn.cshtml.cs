using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages;

/// <summary>Sign-in for people. Five failures in a row lock the account for 15 minutes; the message
/// never says whether a username exists.</summary>
public sealed class SignInModel(Accounts accounts) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username)) ModelState.AddModelError(nameof(Username), "Enter your username");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        var (result, user) = await accounts.SignInAsync(Username, Password, HttpContext.RequestAborted);
        switch (result)
        {
            case Accounts.SignInResult.LockedOut:
                ModelState.AddModelError(nameof(Username), "This account is locked after too many failed attempts. Try again in 15 minutes.");
                return Page();
            case Accounts.SignInResult.Failed:
                ModelState.AddModelError(nameof(Username), "The username or password is not right");
                return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Accounts.ActorFor(user!).ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
