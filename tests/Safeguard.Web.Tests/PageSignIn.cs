using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests;

/// <summary>A browser-like client for page tests: a user added through the administrators' API, signed in through the
/// sign-in page with its antiforgery token, cookies kept; forms posted with the page's own token.</summary>
internal sealed partial class PageSignIn(HttpClient client)
{
    public const string Password = "Page-test-password-1";
    public HttpClient Client { get; } = client;

    public static async Task<PageSignIn> AsAsync(SafeguardFactory factory, string role, string? team = null)
    {
        await factory.AddUserAsync(role, role, Password, team);
        var session = new PageSignIn(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var response = await session.PostFormAsync("/sign-in", new() { ["Username"] = role, ["Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {response.StatusCode}");
        return session;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the form's page for its antiforgery token, then posts the fields with it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var (_, html) = await GetAsync(formPage ?? path);
        var token = TokenPattern().Match(html);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {formPage ?? path}");
        var pairs = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        pairs.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Client.PostAsync(path, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Posts repeated fields (checkboxes) too.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var (_, html) = await GetAsync(formPage ?? path);
        var token = TokenPattern().Match(html);
        var pairs = fields.ToList();
        pairs.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Client.PostAsync(path, new FormUrlEncodedContent(pairs));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
