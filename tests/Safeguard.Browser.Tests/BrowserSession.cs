using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Safeguard.Browser.Tests;

/// <summary>
/// One user's browser on the app: its own context (cookies) and page. Dispose it at the end of the test:
/// <code>
/// await using var session = await fixture.NewPageAsync();
/// await session.SignInAsync("officer", DemoPassword);
/// await session.GotoAsync("/people");
/// await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Search people" })).ToBeVisibleAsync();
/// </code>
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly WebAppFixture _fixture;
    private readonly List<string> _consoleErrors = [];

    internal BrowserSession(WebAppFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    /// <summary>The page; use Playwright's locators and assertions on it.</summary>
    public IPage Page { get; }

    /// <summary>The browser context (cookies, storage), e.g. to open a second tab as the same user.</summary>
    public IBrowserContext Context { get; }

    /// <summary>Console errors and uncaught script errors so far: CSP violations and failed loads show up here.</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    /// <summary>Goes to a path of the app (e.g. "/people?q=smith") and returns the response.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response ?? throw new InvalidOperationException($"No response for {path}.");
    }

    /// <summary>
    /// Signs in through the sign-in page (<c>/sign-in</c>: fields <c>#Username</c> and <c>#Password</c>, button
    /// "Sign in") and waits to leave it. Fails with the page's error messages if sign-in is refused.
    /// </summary>
    public async Task SignInAsync(string username, string password, string path = "/sign-in")
    {
        await GotoAsync(path);
        await Page.Locator("#Username").FillAsync(username);
        await Page.Locator("#Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        // Signed in: the app leaves the sign-in page. Refused: the page comes back with an error summary.
        // Wait for whichever comes first, so that a refusal fails at once rather than at the timeout.
        var left = Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith(path, StringComparison.OrdinalIgnoreCase),
            new() { Timeout = 10_000 });
        var refused = Page.Locator(".govuk-error-summary").WaitForAsync(new() { Timeout = 10_000 });
        await Task.WhenAny(left, refused);
        if (left.IsCompletedSuccessfully)
        {
            _ = refused.ContinueWith(t => t.Exception, TaskScheduler.Default); // observe the loser's timeout
            return;
        }
        _ = left.ContinueWith(t => t.Exception, TaskScheduler.Default);
        var errors = await Page.Locator(".govuk-error-summary, .govuk-error-message").AllInnerTextsAsync();
        throw new InvalidOperationException(
            $"Signing in as '{username}' did not leave {path}. Errors shown: {Collapse(string.Join(" | ", errors))}");
    }

    /// <summary>The app's console output so far, for failure messages.</summary>
    public string ServerLog => _fixture.ServerLog;

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
