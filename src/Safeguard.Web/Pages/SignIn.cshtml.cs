using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages;

/// <summary>Sign-in for people. Five failures in a row lock the account for 15 minutes; every refusal
/// shows the same message, so it never says whether a username exists, is locked or is disabled.</summary>
public sealed class SignInModel(Accounts accounts) : PageModel
{
    /// <summary>What every failed sign-in shows, whatever the reason.</summary>
    public const string FailedMessage =
        "You cannot sign in with that username and password. After 5 failed attempts an account is locked for 15 minutes; ask your administrator if you are stuck.";

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
        if (result != Accounts.SignInResult.Success)
        {
            // One message for every refusal (unknown username, wrong password, locked, disabled): a different
            // word for a locked account would tell a stranger that the username exists.
            ModelState.AddModelError(nameof(Username), FailedMessage);
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            Accounts.ActorFor(user!).ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
