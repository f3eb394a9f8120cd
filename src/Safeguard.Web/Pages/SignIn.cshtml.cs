using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Core.Organisation;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Pages;

/// <summary>Sign-in for people. Five failures in a row (a setting) lock the account for 15 minutes (a setting); every
/// refusal shows the same message, so it never says whether a username exists, is locked or is disabled. Attempts are
/// limited per address and per username: beyond the limit the answer is 429 with a plain page saying when to try again.</summary>
public sealed class SignInModel(Accounts accounts, SignInPolicy policy, SignInThrottle throttle, TimeProvider clock) : PageModel
{
    /// <summary>What every failed sign-in shows, whatever the reason.</summary>
    public static string FailedMessageFor(SignInPolicy policy) =>
        $"You cannot sign in with that username and password. After {policy.MaxFailedSignIns} failed attempts an account is locked for " +
        $"{(policy.Lockout.TotalMinutes < 120 ? $"{policy.Lockout.TotalMinutes:0} minutes" : $"{policy.Lockout.TotalHours:0.#} hours")}; ask your administrator if you are stuck.";

    /// <summary>Set when this address or username has made too many attempts: the page says how long to wait.</summary>
    public int? WaitSeconds { get; private set; }

    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username)) ModelState.AddModelError(nameof(Username), "Enter your username");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Enter your password");
        if (!ModelState.IsValid) return Page();

        if (throttle.TryAttempt(HttpContext.Connection.RemoteIpAddress?.ToString(), Username) is { } wait)
        {
            WaitSeconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.Headers.RetryAfter = WaitSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var (result, user) = await accounts.SignInAsync(Username, Password, HttpContext.RequestAborted);
        if (result != Accounts.SignInResult.Success)
        {
            // One message for every refusal (unknown username, wrong password, locked, disabled): a different
            // word for a locked account would tell a stranger that the username exists.
            ModelState.AddModelError(nameof(Username), FailedMessageFor(policy));
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SecuritySetup.SessionPrincipal(user!, clock.GetUtcNow()));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
