using System.Net.Http.Headers;
using Microsoft.Playwright;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 8 points 4 and 9 in a real browser: a supervisor opens a profile at what needs doing now, filters
/// the chronology without JavaScript help, opens an entry in full and the printable profile. Axe, CSP and console
/// checks run on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProfileJourneyTests(WebAppFixture fixture)
{
    private const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task Supervisor_reads_what_needs_doing_now_filters_the_chronology_opens_an_entry_and_the_print_view()
    {
        var (child, ppnId) = await ChildWithHistoryAsync();
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("supervisor", DemoPassword);

        await session.GotoAsync($"/people/{child}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What needs doing now" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("missing-now")).ToContainTextAsync("Missing since");

        await page.GetByLabel("Type of record").SelectOptionAsync(new SelectOptionValue { Label = "Public protection notification" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter the chronology" }).ClickAsync();
        await Expect(page.GetByTestId("chronology-count")).ToContainTextAsync("1 record matching the filter");
        await Expect(page.Locator("[data-testid=chronology] li")).ToHaveCountAsync(1);

        await page.Locator("[data-testid=chronology]").GetByRole(AriaRole.Link, new() { Name = "Public protection notification" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/events/{ppnId}$"));
        await Expect(page.GetByTestId("event-fields")).ToContainTextAsync("Referred to social care");

        await session.GotoAsync($"/people/{child}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Printable profile" }).ClickAsync();
        await Expect(page.GetByTestId("print-view")).ToContainTextAsync("OFFICIAL-SENSITIVE");
        await Expect(page.GetByTestId("print-chronology")).ToContainTextAsync("Public protection notification");
        // Printed, the page carries the profile and not the service's navigation.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.govuk-header, .govuk-template__header").First).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print-view")).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    private async Task<(string Child, string PpnId)> ChildWithHistoryAsync()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var child = await api.CreatePersonAsync(A.Child("Robyn", "Profilebrowser").AgedYears(13).Build());
        var now = DateTimeOffset.UtcNow;
        var ppnId = $"browser-ppn-{child}";
        await api.RecordAsync(A.Ppn(child).WithId(ppnId).At(now.AddDays(-3).ToString("O")).Build());
        await api.RecordAsync(new
        {
            id = $"browser-pm-{child}", type = "missing-reported", occurredAt = now.AddHours(-5),
            people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = now.AddHours(-6) },
        });
        return (child, ppnId);
    }
}
