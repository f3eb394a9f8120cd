using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests;

/// <summary>A browser-like client for page tests: cookies kept, no redirects followed, and forms sent the way a
/// browser sends them — the test opens a page, picks one of its forms (see <see cref="PageForm"/>), changes only
/// fields that form has, and the form goes to its own action with its own token and hidden fields.</summary>
internal sealed class PageSignIn(HttpClient client)
{
    public const string Password = "Page-test-password-1";
    public HttpClient Client { get; } = client;

    /// <summary>A user with <paramref name="role"/> as both username and role, signed in through the sign-in page.</summary>
    public static async Task<PageSignIn> AsAsync(SafeguardFactory factory, string role, string? team = null)
    {
        await factory.AddUserAsync(role, role, Password, team);
        var session = Anonymous(factory);
        var response = await session.SubmitAsync("/sign-in", "Sign in", [new("Username", role), new("Password", Password)]);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {response.StatusCode}");
        return session;
    }

    /// <summary>A user with their own username, role, and team or partner organisation, signed in through the sign-in page.</summary>
    public static async Task<PageSignIn> AsUserAsync(SafeguardFactory factory, string username, string role, string? team = null, string? organisation = null)
    {
        await factory.AddUserAsync(username, role, Password, team, organisation);
        var session = Anonymous(factory);
        var response = await session.SubmitAsync("/sign-in", "Sign in", [new("Username", username), new("Password", Password)]);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {response.StatusCode}");
        return session;
    }

    /// <summary>A browser nobody has signed in on yet.</summary>
    public static PageSignIn Anonymous(SafeguardFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs <paramref name="path"/> (it must answer 200) and picks one form on it.</summary>
    public async Task<PageForm> FormAsync(string path, FormPick pick)
    {
        var response = await Client.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}, not a page with a form");
        return await FormOnAsync(response, pick);
    }

    /// <summary>Picks a form on a page already received, such as the page a refused post shows again.</summary>
    public async Task<PageForm> FormOnAsync(HttpResponseMessage response, FormPick pick) =>
        PageForm.Parse(Client, response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync(), pick);

    /// <summary>Opens <paramref name="path"/>, picks the form, sets <paramref name="fields"/> (names the form has;
    /// a name given twice ticks two boxes), and sends it as a browser would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, FormPick pick, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var form = await FormAsync(path, pick);
        if (fields is not null) form.Set(fields);
        return await form.SubmitAsync();
    }
}
