using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 8, point 11: a whole missing episode (report, found, safe-and-well check, return interview) recorded
/// with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrow keys within a radio group, and typing; nothing is
/// clicked and nothing is filled that Tab did not reach. Every element used shows a visible focus indicator, and a
/// refused submit puts the focus on the error summary.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MissingKeyboardJourneyTests(WebAppFixture fixture)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task An_officer_records_a_missing_episode_from_report_to_return_interview_with_only_the_keyboard()
    {
        var childId = await CreateChildAsync("Rosa", "Keyboardmissing", "2012-05-11");
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("officer", RecordingJourneyTests.DemoPassword);
        await session.GotoAsync($"/missing/report?personId={childId}");

        // A refused submit: nothing chosen yet. The error summary takes the focus.
        await TabToAsync(page, "#main-content form button.govuk-button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();

        // The report: grade, who reported, looked after, last seen yesterday evening, where.
        await TabToAsync(page, "#RiskGrade");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#ReportedBy");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#LookedAfter");
        await page.Keyboard.PressAsync("Space");
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).AddDays(-1);
        await TabToAsync(page, "#LastSeenAt");
        await page.Keyboard.TypeAsync(yesterday.Day.ToString());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(yesterday.Month.ToString());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(yesterday.Year.ToString());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("18");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("00");
        await TabToAsync(page, "#LastSeenLocation");
        await page.Keyboard.TypeAsync("Bus station");
        await page.Keyboard.PressAsync("Shift+Tab"); // back a field and forward again, as people do
        await TabToAsync(page, "#Circumstances");
        await page.Keyboard.TypeAsync("Did not come home from school");
        await ContinueThenAcceptAsync(page, "Bus station");
        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Rosa Keyboardmissing reported missing");
        await Expect(page.GetByTestId("confirmation-details")).ToContainTextAsync($"Last seen {yesterday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} at 18:00, Bus station");

        // Found.
        await TabToAsync(page, "#main-content a[href^='/missing/missing-']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("episode-status")).ToHaveTextAsync("open");
        await TabToAsync(page, "#main-content a[href$='/locate']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/locate");
        await TabToAsync(page, "#FoundLocation");
        await page.Keyboard.TypeAsync("Railway arches");
        await ContinueThenAcceptAsync(page, "Railway arches");
        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Rosa Keyboardmissing recorded as found");

        // Safe-and-well check: time and officer are filled in already; what happened is typed.
        await TabToAsync(page, "#main-content a[href^='/missing/missing-']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("episode-status")).ToHaveTextAsync("located");
        await TabToAsync(page, "#main-content a[href$='/safe-and-well']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/safe-and-well");
        await TabToAsync(page, "#Narrative");
        await page.Keyboard.TypeAsync("Tired but unhurt; said she had stayed with a friend");
        await ContinueThenAcceptAsync(page, "stayed with a friend");
        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Safe-and-well check on Rosa Keyboardmissing recorded");

        // Return interview: declined (the second choice, by arrow key), and by whom offered.
        await TabToAsync(page, "#main-content a[href^='/missing/missing-']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("episode-status")).ToHaveTextAsync("closed");
        await TabToAsync(page, "#main-content a[href$='/return-interview']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/return-interview");
        await TabToAsync(page, "#Outcome");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByLabel("The child declined")).ToBeCheckedAsync();
        await TabToAsync(page, "#ByAgency");
        await page.Keyboard.TypeAsync("Independent return service");
        await ContinueThenAcceptAsync(page, "The child declined the interview");

        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Return interview for Rosa Keyboardmissing recorded");
        await Expect(page.GetByTestId("confirmation-details")).ToContainTextAsync("The child declined the interview");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>Continue to the check page, see <paramref name="expected"/> among the answers, accept and send.</summary>
    private static async Task ContinueThenAcceptAsync(IPage page, string expected)
    {
        await TabToAsync(page, "#main-content form button.govuk-button");
        await Expect(page.Locator("#main-content form button.govuk-button").First).ToHaveTextAsync("Continue");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync(expected);
        await TabToAsync(page, "#main-content form button.govuk-button");
        await Expect(page.Locator("#main-content form button.govuk-button").First).ToHaveTextAsync("Accept and send");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("confirmation")).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus, as a keyboard user
    /// would, and checks the focus can be seen there (GOV.UK's yellow focus style, or an outline); fails when the
    /// element cannot be reached.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await page.EvaluateAsync<bool>("s => { const e = document.activeElement; return !!e && e.matches(s); }", selector))
            {
                var focus = await page.EvaluateAsync<string>(FocusVisibleScript);
                Assert.True(focus == "visible", $"{selector} has the focus but it cannot be seen: {focus}");
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    /// <summary>"visible" when the focused element shows a focus indicator: an outline that is not transparent, or the
    /// GOV.UK focus colour (#ffdd00) as background or shadow on it or, for radios and check boxes, on its label's box.</summary>
    private const string FocusVisibleScript = """
        () => {
          const e = document.activeElement;
          if (!e || !e.matches(':focus-visible')) return 'not :focus-visible';
          const yellow = 'rgb(255, 221, 0)';
          const styles = [getComputedStyle(e)];
          if (e.labels && e.labels[0]) styles.push(getComputedStyle(e.labels[0], '::before'));
          const seen = styles.some(s =>
            (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)')
            || s.backgroundColor === yellow || (s.boxShadow || '').includes(yellow));
          return seen ? 'visible' : `no focus style on ${e.tagName.toLowerCase()}#${e.id}`;
        }
        """;

    private async Task<string> CreateChildAsync(string forename, string surname, string dateOfBirth)
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var response = await http.PostAsJsonAsync("/api/v1/people", new { forename, surname, dateOfBirth });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("id").GetString()!;
    }
}
