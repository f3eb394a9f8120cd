using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 10 point 4 in a real browser (K1, SO3): an offender manager sees an overdue home visit on their caseload,
/// records the visit through the GOV.UK date input, checks the answers, sees the confirmation with the next visit due, and
/// the offender is no longer overdue. Axe, CSP and console checks run on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OffenderJourneyTests(WebAppFixture fixture)
{
    private const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task Offender_manager_sees_an_overdue_visit_and_records_it()
    {
        var surname = await OverdueOffenderAsync();
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("offender-manager", DemoPassword);

        await session.GotoAsync("/offenders?overdue=true");
        var row = page.Locator("[data-testid=offender-row]", new() { HasText = $"Victor {surname}" });
        await Expect(row.Locator(".govuk-tag", new() { HasText = "Overdue" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Record a visit") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Record a home visit to Victor {surname}" })).ToBeVisibleAsync();
        await page.GetByLabel("What was found").FillAsync("Seen at home; no children at the address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("no children at the address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record home visit" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/record/confirmation"));
        await Expect(page.GetByText("Home visit recorded")).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("Next home visit due by"))).ToBeVisibleAsync();

        await session.GotoAsync("/offenders?overdue=true");
        await Expect(page.Locator("[data-testid=offender-row]", new() { HasText = $"Victor {surname}" })).ToHaveCountAsync(0);
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>A high-risk offender registered 100 days ago and never visited: the visit was due 10 days ago.</summary>
    private async Task<string> OverdueOffenderAsync()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var surname = "Visitbrowser" + Guid.NewGuid().ToString("N")[..4];
        var offender = await api.CreatePersonAsync(A.Adult("Victor", surname).Build());
        await api.RecordAsync(new
        {
            id = $"reg-{offender}", type = "offender-registered", occurredAt = DateTimeOffset.UtcNow.AddDays(-100),
            people = new[] { new { personId = offender, role = "offender" } },
            data = new { riskLevel = "high", mappaCategory = 1, mappaLevel = 1, offenderManager = "user:offender-manager" },
        });
        return surname;
    }
}
