using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(WebAppFixture fixture)
{
    [Fact]
    public async Task Home_page_names_the_service_and_has_no_serious_accessibility_violations()
    {
        await using var session = await fixture.NewPageAsync();

        var response = await session.GotoAsync("/");

        Assert.Equal(200, response.Status);
        await Expect(session.Page.Locator("header")).ToContainTextAsync("Safeguard");
        await Expect(session.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Safeguard"));
        await Accessibility.AssertNoSeriousViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Pages_load_their_styles_and_scripts_without_inline_code_or_console_errors()
    {
        await using var session = await fixture.NewPageAsync();

        await session.GotoAsync("/");

        // The stylesheet applied (GOV.UK's template background on the footer) and the module script ran.
        await Expect(session.Page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bgovuk-frontend-supported\b"));
        var inlineScripts = await session.Page.Locator("script:not([src])").CountAsync();
        var styleAttributes = await session.Page.Locator("[style]").CountAsync();
        Assert.Equal(0, inlineScripts);
        Assert.Equal(0, styleAttributes);
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task Unknown_address_shows_the_not_found_page()
    {
        await using var session = await fixture.NewPageAsync();

        var response = await session.GotoAsync("/no-such-page");

        Assert.Equal(404, response.Status);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Accessibility.AssertNoSeriousViolationsAsync(session.Page);
    }
}
