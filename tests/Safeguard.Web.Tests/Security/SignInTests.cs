using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Security;

/// <summary>P1: a refused sign-in never says whether the username exists, is locked or is disabled.</summary>
public sealed partial class SignInTests : IDisposable
{
    private const string Password = "Sign-in-test-password-1";
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Unknown_username_wrong_password_locked_and_disabled_accounts_all_show_the_same_message()
    {
        await AddUserAsync("known.user");
        await AddUserAsync("locked.user");
        await AddUserAsync("disabled.user", disabled: true);
        for (var i = 0; i < SignInPolicy.Default.MaxFailedSignIns; i++)
        {
            await SignInAsync("locked.user", "not-the-password");
        }

        var unknown = await SignInAsync("nobody.here", "not-the-password");
        var wrongPassword = await SignInAsync("known.user", "not-the-password");
        var locked = await SignInAsync("locked.user", Password);
        var disabled = await SignInAsync("disabled.user", Password);

        foreach (var refused in new[] { unknown, wrongPassword, locked, disabled })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal([Pages.SignInModel.FailedMessageFor(SignInPolicy.Default), Pages.SignInModel.FailedMessageFor(SignInPolicy.Default)], refused.Errors);
        }
        Assert.DoesNotContain("locked", unknown.Html.Replace(Pages.SignInModel.FailedMessageFor(SignInPolicy.Default), ""), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync("known.user", Password)).Status);
    }

    [Fact]
    public async Task A_sign_in_with_an_unknown_username_is_logged_as_a_failure_like_a_wrong_password()
    {
        await AddUserAsync("known.user");

        await SignInAsync("nobody.here", "not-the-password");
        await SignInAsync("known.user", "not-the-password");

        using var db = _factory.Db();
        var failures = await db.Audit.Where(a => a.Action == AuditActions.SignInFailed).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("anonymous", "unknown username"), ("user:known.user", null)], failures.Select(a => (a.ActorId, a.Detail)));
        Assert.DoesNotContain(failures, a => (a.EntityId ?? "").Contains("nobody"));
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_even_with_the_right_password_until_the_lock_ends()
    {
        await AddUserAsync("locked.user");
        for (var i = 0; i < SignInPolicy.Default.MaxFailedSignIns; i++)
        {
            await SignInAsync("locked.user", "not-the-password");
        }

        var whileLocked = await SignInAsync("locked.user", Password);
        _factory.Clock.Advance(SignInPolicy.Default.Lockout + TimeSpan.FromMinutes(1));
        var afterwards = await SignInAsync("locked.user", Password);

        Assert.Equal(HttpStatusCode.OK, whileLocked.Status);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.Status);
    }

    /// <summary>Adds the user as an administrator would, through the users API, and disables them the same way.</summary>
    private async Task AddUserAsync(string username, bool disabled = false)
    {
        var id = await _factory.AddUserAsync(username, Roles.Officer, Password);
        if (!disabled) return;
        var (status, body) = await _factory.Api().PostJsonAsync($"/api/v1/users/{id}/disable", new { reason = "Test: a disabled account" });
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Disabling {username} answered {status}: {body}");
    }

    /// <summary>Fills in and posts the sign-in form as a browser would (its own token and hidden fields),
    /// and returns the answer with the error texts shown: the summary's, then the field's.</summary>
    private async Task<(HttpStatusCode Status, string[] Errors, string Html)> SignInAsync(string username, string password)
    {
        var response = await PageSignIn.Anonymous(_factory).SubmitAsync("/sign-in", "Sign in", [new("Username", username), new("Password", password)]);
        var html = await response.Content.ReadAsStringAsync();
        var errors = ErrorText().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value).Trim()).ToArray();
        return (response.StatusCode, errors, html);
    }


    [GeneratedRegex("(?:<a href=\"#Username\">|Error:</span>)(?<text>[^<]+)<")]
    private static partial Regex ErrorText();
}
