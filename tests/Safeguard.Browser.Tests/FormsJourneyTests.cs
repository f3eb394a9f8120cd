using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 8: a PPN completed from the first page to the confirmation with the keyboard alone, and a child
/// abduction warning notice served in a real browser (it once failed there for want of an anti-forgery token).</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormsJourneyTests(WebAppFixture fixture)
{
    [Fact]
    public async Task An_officer_completes_a_ppn_with_only_the_keyboard_to_the_confirmation_page()
    {
        var childId = await CreatePersonAsync("Kira", "Keyboardtest", "2014-07-02");
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("officer", RecordingJourneyTests.DemoPassword);
        await session.GotoAsync($"/record/ppn/start?personId={childId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What is the concern?");

        await TabToAsync(page, "#Concerns");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#OccurredAt");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("3");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("2026");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("21");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("15");
        await TabToAsync(page, "#main-content button.govuk-button");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The child's demeanour and views");
        await TabToAsync(page, "#Demeanour");
        await page.Keyboard.TypeAsync("Quiet and hungry, asked for food");
        await TabToAsync(page, "#ChildViews");
        await page.Keyboard.TypeAsync("Mum has not been home since Friday");
        await TabToAsync(page, "#main-content button.govuk-button");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Action taken");
        await TabToAsync(page, "#ImmediateActions");
        await page.Keyboard.TypeAsync("Took Kira to her grandmother with a social worker's agreement");
        await TabToAsync(page, "#Referred");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#RiskGrade");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#main-content button.govuk-button");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("1 March 2026 at 21:15");
        await TabToAsync(page, "#main-content button.govuk-button");
        await page.Keyboard.PressAsync("Enter");

        var confirmation = page.Locator("[data-testid=confirmation]");
        await Expect(confirmation).ToContainTextAsync("Public protection notification recorded");
        await Expect(confirmation).ToContainTextAsync("Kira Keyboardtest");
    }

    [Fact]
    public async Task An_officer_serves_a_child_abduction_warning_notice_and_sees_it_on_the_childs_profile()
    {
        var childId = await CreatePersonAsync("Lola", "Cawnbrowser", "2012-09-14");
        var suspectId = await CreatePersonAsync("Mark", "Cawnbrowser", "1988-01-30");
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("officer", RecordingJourneyTests.DemoPassword);

        await session.GotoAsync($"/exploitation/cawn?personId={childId}&suspectId={suspectId}");
        await RecordingJourneyTests.FillWhenAsync(page, "ServedAt", "1", "3", "2026", "14:05");
        await page.FillAsync("#Notes", "Served in person outside the children's home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("1 March 2026 at 14:05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record notice served" }).ClickAsync();

        var confirmation = page.Locator("[data-testid=confirmation]");
        await Expect(confirmation).ToContainTextAsync("Child abduction warning notice recorded");
        await Expect(page.Locator("[data-testid=confirmation-details]")).ToContainTextAsync("Served on Mark Cawnbrowser 1 March 2026 at 14:05");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to Lola Cawnbrowser’s profile" }).ClickAsync();
        await Expect(page.Locator("[data-testid=disruption]")).ToContainTextAsync("CAWN served");
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus, as a keyboard user
    /// would; fails when it cannot be reached.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => { const e = document.activeElement; return !!e && e.matches(s); }", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    private async Task<string> CreatePersonAsync(string forename, string surname, string dateOfBirth)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var response = await http.PostAsJsonAsync("/api/v1/people", new { forename, surname, dateOfBirth });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("id").GetString()!;
    }
}
