using System.Text.Json;
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
/// <para>Every journey is checked without asking: each page of the app the browser shows is run through axe
/// as soon as it has loaded (a page shown again after a form post, with its errors, is a new page and is checked
/// again). Console errors, uncaught script errors and Content-Security-Policy violations are collected throughout.
/// Disposing the session fails the test, listing them, if there was any serious or critical accessibility
/// violation, any page left before its check ended, or any console error the test did not declare with
/// <see cref="ExpectConsoleError"/>.</para>
/// <para>Each page is also measured for reflow (WCAG 1.4.10) as it is checked: a page wider than the window, so
/// that it scrolls sideways, fails the test. Open the session with <c>narrow: true</c> to walk a journey at 320 CSS px.</para>
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly WebAppFixture _fixture;
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _accessibilityFailures = [];
    private readonly List<(Regex Pattern, string Reason)> _expectedConsoleErrors = [];
    private readonly Dictionary<string, string> _uncheckedPages = [];
    private readonly List<string> _reflowFailures = [];
    private readonly List<string> _errorResponses = [];

    internal BrowserSession(WebAppFixture fixture, IBrowserContext context, IPage page)
    {
        _fixture = fixture;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Chromium reports Content-Security-Policy refusals and failed loads as console errors.
            if (message.Type == "error")
            {
                lock (_consoleErrors) { _consoleErrors.Add($"{message.Text} (on {page.Url})"); }
            }
        };
        page.PageError += (_, error) => { lock (_consoleErrors) { _consoleErrors.Add($"{error} (on {page.Url})"); } };
        page.Response += (_, response) =>
        {
            // A page (not an image or a script) the app answered with an error, e.g. a form refused with 400.
            if (response.Status >= 400 && response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                lock (_errorResponses) { _errorResponses.Add($"{response.Request.Method} {new Uri(response.Url).PathAndQuery} answered {response.Status}"); }
            }
        };
    }

    /// <summary>Makes the session check every page it shows; called once by the fixture.</summary>
    /// <remarks>axe runs inside each page of the app as soon as it has loaded, from a script added to every
    /// document (scripts added this way are not subject to the page's Content-Security-Policy). A page cannot be
    /// checked from outside once it has begun to navigate away, so until its check is done the page holds back a
    /// form submitted or a link followed, and lets it go when the check ends. The results come back through
    /// a binding; a page whose check started but never reported counts as a failure.</remarks>
    internal async Task StartCheckingAsync()
    {
        await Context.ExposeBindingAsync("__safeguardAxe", (BindingSource _, string json) => OnAxeMessage(json));
        await Context.ExposeBindingAsync("__safeguardCspViolation", (BindingSource _, string text) =>
        {
            lock (_consoleErrors) { _consoleErrors.Add(text); }
        });
        await Context.AddInitScriptAsync(
            """
            document.addEventListener('securitypolicyviolation', e =>
                window.__safeguardCspViolation(`Content-Security-Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} (on ${document.location.href})`));
            """);
        await Context.AddInitScriptAsync(
            "(() => {\n" +
            $"if (window.top !== window || !location.href.startsWith({JsonSerializer.Serialize(_fixture.BaseUrl.ToString())})) return;\n" +
            Accessibility.Source + "\n" +
            """
            const page = location.href + '#' + String(performance.timeOrigin);
            let finished = false;
            window.__safeguardAxeDone = new Promise(resolve => {
                const run = async () => {
                    window.__safeguardAxe(JSON.stringify({ kind: 'started', page, url: location.href }));
                    let violations;
                    try {
                        const results = await axe.run(document, { resultTypes: ['violations'] });
                        violations = results.violations
                            .filter(v => v.impact === 'serious' || v.impact === 'critical')
                            .map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map(n => n.target.join(' ')) }));
                    } catch (e) {
                        violations = [{ id: 'axe-failed', impact: 'critical', help: String(e), helpUrl: '', targets: [] }];
                    }
                    const root = document.scrollingElement || document.documentElement;
                    const overflow = root.scrollWidth > window.innerWidth
                        ? { scrollWidth: root.scrollWidth, viewport: window.innerWidth,
                            // The innermost elements that stick out, or whose own content does (a long unbroken word).
                            culprits: [...document.querySelectorAll('body *')]
                                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                                    || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible' && e.getBoundingClientRect().width > 0))
                                .filter((e, _, all) => !all.some(c => c !== e && e.contains(c)))
                                .slice(0, 5)
                                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '')) }
                        : null;
                    window.__safeguardAxe(JSON.stringify({ kind: 'done', page, url: location.href, violations, overflow }));
                    finished = true;
                    resolve();
                };
                if (document.readyState === 'complete') run(); else window.addEventListener('load', run, { once: true });
            });
            document.addEventListener('submit', e => {
                if (finished) return;
                e.preventDefault();
                const form = e.target, submitter = e.submitter;
                window.__safeguardAxeDone.then(() => form.requestSubmit(submitter || undefined));
            }, true);
            document.addEventListener('click', e => {
                if (finished || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
                const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
                if (!link || link.target) return;
                const to = new URL(link.href, location.href);
                if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search) return;
                e.preventDefault();
                window.__safeguardAxeDone.then(() => location.assign(to.href));
            }, true);
            })();
            """);
    }

    private void OnAxeMessage(string json)
    {
        var message = JsonSerializer.Deserialize<AxeMessage>(json, JsonSerializerOptions.Web)!;
        lock (_uncheckedPages)
        {
            if (message.Kind == "started")
            {
                _uncheckedPages[message.Page] = message.Url;
                return;
            }
            _uncheckedPages.Remove(message.Page);
            if (message.Violations is { Length: > 0 } violations)
            {
                _accessibilityFailures.Add(Accessibility.Describe(message.Url, violations));
            }
            if (message.Overflow is { } o)
            {
                _reflowFailures.Add($"{new Uri(message.Url).PathAndQuery} scrolls sideways: {o.ScrollWidth} px wide in a {o.Viewport} px window (WCAG 1.4.10 reflow). Widest: {string.Join(", ", o.Culprits)}");
            }
        }
    }

    private sealed record AxeMessage(string Kind, string Page, string Url, Accessibility.Violation[]? Violations, Overflow? Overflow);

    private sealed record Overflow(int ScrollWidth, int Viewport, string[] Culprits);

    /// <summary>Waits until the page now shown has been checked with axe.</summary>
    private async Task WaitForCheckAsync()
    {
        if (Page.IsClosed || !Page.Url.StartsWith(_fixture.BaseUrl.ToString(), StringComparison.Ordinal))
        {
            return;
        }
        try
        {
            await Page.WaitForFunctionAsync("() => window.__safeguardAxeDone !== undefined", null, new() { Timeout = 30_000 });
            await Page.EvaluateAsync("() => window.__safeguardAxeDone");
        }
        catch (PlaywrightException e)
        {
            lock (_uncheckedPages) { _accessibilityFailures.Add($"Could not wait for the accessibility check of {Page.Url}: {e.Message}"); }
        }
    }

    /// <summary>Declares a console error this test causes on purpose (e.g. the browser's report of a 404),
    /// so that it does not fail the test. Say why at the call site.</summary>
    public void ExpectConsoleError(Regex pattern, string reason) => _expectedConsoleErrors.Add((pattern, reason));

    /// <summary>Pages that scrolled sideways when they were checked (each page is measured as it loads, at the
    /// session's window width: 320 px for <c>fixture.NewPageAsync(narrow: true)</c>).</summary>
    public IReadOnlyList<string> ReflowFailures
    {
        get { lock (_uncheckedPages) { return [.. _reflowFailures]; } }
    }

    /// <summary>Pages the app answered with a 4xx or 5xx status so far (the page, not its images or scripts).</summary>
    public IReadOnlyList<string> ErrorResponses
    {
        get { lock (_errorResponses) { return [.. _errorResponses]; } }
    }

    /// <summary>When set, disposing the session fails the test if any page was answered with a 4xx or 5xx
    /// status (a refused form, a page the role may not open). Off by default: some tests visit error pages on purpose.</summary>
    public bool FailOnErrorResponses { get; set; }

    /// <summary>Accessibility failures reported so far, in words.</summary>
    public IReadOnlyList<string> AccessibilityFailures
    {
        get { lock (_uncheckedPages) { return [.. _accessibilityFailures]; } }
    }

    /// <summary>The page; use Playwright's locators and assertions on it.</summary>
    public IPage Page { get; }

    /// <summary>The browser context (cookies, storage), e.g. to open a second tab as the same user.</summary>
    public IBrowserContext Context { get; }

    /// <summary>Console errors and uncaught script errors so far: CSP violations and failed loads show up here.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) { return [.. _consoleErrors]; } }
    }

    /// <summary>Goes to a path of the app (e.g. "/people?q=smith") and returns the response.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        await WaitForCheckAsync();
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
        // Wait for whichever comes first, so that a refusal fails at once rather than at the timeout (generous:
        // the page first finishes its accessibility check, and the test machine may be busy).
        var left = Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith(path, StringComparison.OrdinalIgnoreCase),
            new() { Timeout = 30_000 });
        var refused = Page.Locator(".govuk-error-summary").WaitForAsync(new() { Timeout = 30_000 });
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

    /// <summary>Waits for the check of the page now shown, closes the browser context, and fails the test
    /// with every accessibility violation, page left unchecked and unexpected console error.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await WaitForCheckAsync();
        }
        finally
        {
            await Context.CloseAsync();
        }
        var unexpected = ConsoleErrors.Where(e => !_expectedConsoleErrors.Any(x => x.Pattern.IsMatch(e))).ToList();
        List<string> problems;
        lock (_uncheckedPages)
        {
            problems = [.. _accessibilityFailures, .. _reflowFailures, .. _uncheckedPages.Values.Select(url => $"The accessibility check of {url} did not finish before the page was left."),
                .. unexpected.Select(e => "Console error: " + e)];
        }
        if (FailOnErrorResponses)
        {
            problems.AddRange(ErrorResponses.Select(e => "Error answer: " + e));
        }
        if (problems.Count > 0)
        {
            Assert.Fail($"The journey showed {problems.Count} problem(s):\n" + string.Join("\n", problems));
        }
    }

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
