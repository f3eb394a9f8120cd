using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 8 point 8: for every demo role, the navigation and the home page offer exactly the pages the role
/// can open, and a page it may not use says so plainly (403, "You do not have access to this page"), never
/// "Page not found". The home page is shown 320 CSS pixels wide, so it is measured for reflow as well.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RolePagesTests(WebAppFixture fixture)
{
    /// <summary>Every page the navigation or the home page can offer, by address.</summary>
    private static readonly string[] OfferedPages =
    [
        "/people", "/record", "/missing/report", "/missing/now", "/exploitation/screening", "/exploitation/cawn", "/domestic-abuse/dash", "/domestic-abuse/marac-referral", "/worklist",
        "/matching/reviews", "/measures", "/measures/report", "/measures/recording", "/admin/audit", "/admin/settings", "/admin/users", "/admin/bank-holidays",
        "/investigations", "/admin/teams",
        "/retention",
        "/queues/forensic", "/police-protection/now",
        "/meetings/strategy-discussion", "/meetings/record", "/meetings/actions",
        "/supervision/daily-meeting", "/supervision/workbench",
        "/admin/organisations", "/partner",
        "/admin/schools", "/admin/school-terms", "/referrals", "/operation-encompass",
        "/case-audits",
    ];

    [Theory]
    [InlineData("officer")]
    [InlineData("control-room")]
    [InlineData("investigator")]
    [InlineData("supervisor")]
    [InlineData("partner-practitioner")]
    [InlineData("offender-manager")]
    [InlineData("custody-officer")]
    [InlineData("leader")]
    [InlineData("auditor")]
    [InlineData("administrator")]
    public async Task The_navigation_and_home_page_offer_only_what_the_role_can_open_and_other_pages_refuse_plainly(string role)
    {
        await using var session = await fixture.NewPageAsync(narrow: true);
        var page = session.Page;
        await session.SignInAsync(role, RecordingJourneyTests.DemoPassword);
        await session.GotoAsync("/");

        var navigation = await page.Locator(".govuk-service-navigation__link").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        var home = await page.Locator("main a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
        var offered = navigation.Concat(home).Select(h => h.Split('?', '#')[0]).Where(h => h != "/").ToHashSet();

        if (offered.Count == 0)
        {
            // A role with no page is told so, not shown an empty page.
            await Expect(page.Locator("main")).ToContainTextAsync("There is nothing here for your role");
        }

        var problems = new List<string>();
        foreach (var href in OfferedPages.Concat(offered).Distinct())
        {
            // The request carries the session's cookies, like a click, without showing each page.
            var response = await page.APIRequest.GetAsync(href, new() { MaxRedirects = 0 });
            var body = await response.TextAsync();
            if (offered.Contains(href) && response.Status != 200)
            {
                problems.Add($"{href} is offered but answers {response.Status}");
            }
            else if (!offered.Contains(href))
            {
                if (response.Status != 403) problems.Add($"{href} is not offered but answers {response.Status} rather than 403");
                else if (!body.Contains("You do not have access to this page")) problems.Add($"{href} answers 403 without saying plainly why");
            }
        }
        Assert.True(problems.Count == 0, $"As {role}:\n  " + string.Join("\n  ", problems));

        // One refused page as the user sees it.
        var refused = OfferedPages.FirstOrDefault(p => !offered.Contains(p));
        if (refused is not null)
        {
            session.ExpectConsoleError(new Regex("status of 403"), "the browser reports the refused page's status as a failed load");
            var response = await session.GotoAsync(refused);
            Assert.Equal(403, response.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You do not have access to this page");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Page not found");
        }
    }
}
