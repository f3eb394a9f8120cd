using System.Net.Http.Headers;
using Microsoft.Playwright;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>C4 in a real browser: a supervisor ends a flag from the profile through the flag decision page (reason
/// required, check your decision, confirmation). Axe, CSP and console checks run on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FlagDecisionJourneyTests(WebAppFixture fixture)
{
    [Fact]
    public async Task Supervisor_ends_a_flag_giving_a_reason_checks_it_and_sees_it_ended_on_the_profile()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var child = await api.CreatePersonAsync(A.Child("Tess", "Flagdecision").AgedYears(13).Build());
        var (_, flag) = await api.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cse-risk", reason = "Screening significant" });
        Assert.Equal("confirmed", flag!["status"]!.GetValue<string>()); // raised by an administrator's token
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("supervisor", RecordingJourneyTests.DemoPassword);

        await session.GotoAsync($"/people/{child}");
        await page.GetByRole(AriaRole.Button, new() { Name = "End At risk of child sexual exploitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("End the flag: At risk of child sexual exploitation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason you are ending the flag");

        await page.GetByLabel("Why are you ending the flag?").FillAsync("Moved out of the area with her mother");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Moved out of the area with her mother");
        await page.GetByRole(AriaRole.Button, new() { Name = "End flag" }).ClickAsync();

        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Flag ended: At risk of child sexual exploitation");
        await Expect(page.GetByTestId("confirmation-details")).ToContainTextAsync("Reason: Moved out of the area with her mother");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to Tess Flagdecision’s flags" }).ClickAsync();
        await Expect(page.Locator("[data-flag-card=cse-risk]")).ToContainTextAsync("Moved out of the area with her mother");
        Assert.Empty(session.ConsoleErrors);
    }
}
