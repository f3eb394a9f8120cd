using Microsoft.Playwright;

namespace Safeguard.Browser.Tests;

/// <summary>Reflow (WCAG 1.4.10, issue 8 point 11): at 320 CSS pixels wide no page a role can reach from the
/// navigation scrolls sideways. A wide table may scroll inside its own region; the page itself may not.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(WebAppFixture fixture)
{
    [Theory]
    [InlineData("officer")]
    [InlineData("control-room")]
    [InlineData("supervisor")]
    [InlineData("leader")]
    [InlineData("partner-practitioner")]
    [InlineData("administrator")]
    public async Task No_page_in_the_navigation_overflows_sideways_at_320_pixels(string role)
    {
        await using var session = await fixture.NewPageAsync();
        await session.Page.SetViewportSizeAsync(320, 640);
        await session.SignInAsync(role, RecordingJourneyTests.DemoPassword);
        await session.GotoAsync("/");
        var links = await session.Page.Locator(".govuk-service-navigation__link").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        // A child's profile, reached from the first search result, for the roles that may search.
        List<string> pages = ["/", .. links];
        if (links.Contains("/people"))
        {
            await session.GotoAsync("/people?Name=smith");
            var first = session.Page.Locator("main a[href^='/people/']:not([href='/people/new'])").First;
            if (await first.CountAsync() > 0) pages.Add((await first.GetAttributeAsync("href"))!);
        }

        var overflowing = new List<string>();
        foreach (var path in pages)
        {
            await session.GotoAsync(path);
            var widths = await session.Page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                var culprits = await session.Page.EvaluateAsync<string[]>(
                    """
                    () => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))
                    """);
                overflowing.Add($"{path}: {widths[0]} px wide in {widths[1]} ({string.Join(", ", culprits)})");
            }
        }

        Assert.True(pages.Count > 0);
        Assert.Empty(overflowing);
    }
}
