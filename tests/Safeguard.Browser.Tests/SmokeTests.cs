using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(WebAppFixture fixture)
{
    [Fact]
    public async Task Home_page_names_the_service()
    {
        await using var session = await fixture.NewPageAsync();

        var response = await session.GotoAsync("/");

        Assert.Equal(200, response.Status);
        await Expect(session.Page.Locator("header")).ToContainTextAsync("Safeguard");
        await Expect(session.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Safeguard"));
    }

    [Fact]
    public async Task The_home_page_loads_its_styles_and_scripts_with_only_the_nonced_js_enabled_line_inline_and_no_console_errors()
    {
        await using var session = await fixture.NewPageAsync();

        await session.GotoAsync("/");

        // The stylesheet applied (GOV.UK's template background on the footer) and the module script ran.
        await Expect(session.Page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bgovuk-frontend-supported\b"));
        // The one inline script is GOV.UK's js-enabled line, allowed by this page's CSP nonce (a wrong or missing
        // nonce would be a CSP violation, which the session fails the test on).
        var inlineScripts = await session.Page.Locator("script:not([src])").AllTextContentsAsync();
        var styleAttributes = await session.Page.Locator("[style]").CountAsync();
        Assert.Contains("js-enabled", Assert.Single(inlineScripts));
        Assert.Equal(0, styleAttributes);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Unknown_address_shows_the_not_found_page()
    {
        await using var session = await fixture.NewPageAsync();
        session.ExpectConsoleError(new System.Text.RegularExpressions.Regex("status of 404"), "Chromium reports the page's own 404 answer");

        var response = await session.GotoAsync("/no-such-page");

        Assert.Equal(404, response.Status);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task A_journey_fails_on_an_accessibility_violation_a_csp_violation_or_a_console_error()
    {
        var session = await fixture.NewPageAsync();
        // A page of the app's address that breaks all three: an image without a text alternative, an inline
        // script the policy refuses, and a script error reported to the console.
        await session.Page.RouteAsync("**/broken-for-test", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "default-src 'self'" },
            Body = "<!doctype html><html lang=\"en\"><head><title>Broken</title></head><body><main><h1>Broken</h1>"
                + "<img src=\"/images/safeguard-icon.svg\"><script>document.title = 'ran';</script></main></body></html>",
        }));
        await session.GotoAsync("/broken-for-test");
        await session.Page.EvaluateAsync("() => console.error('Something went wrong in the page')");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(async () => await session.DisposeAsync());

        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("Content-Security-Policy", failure.Message);
        Assert.Contains("Something went wrong in the page", failure.Message);
    }

    [Fact]
    public async Task A_journey_fails_on_a_page_that_scrolls_sideways_at_320_pixels()
    {
        var session = await fixture.NewPageAsync(narrow: true);
        // A page of the app's address with a line too long to wrap, as an unbroken reference number would be.
        await session.Page.RouteAsync("**/too-wide-for-test", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "text/html",
            Body = "<!doctype html><html lang=\"en\"><head><title>Too wide</title></head><body><main><h1>Too wide</h1>"
                + "<pre>" + new string('7', 200) + "</pre></main></body></html>",
        }));
        await session.GotoAsync("/too-wide-for-test");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(async () => await session.DisposeAsync());

        Assert.Contains("/too-wide-for-test scrolls sideways", failure.Message);
        Assert.Contains("in a 320 px window", failure.Message);
        Assert.Contains("pre", failure.Message);
    }
}
