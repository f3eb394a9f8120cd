using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Safeguard.Browser.Tests.FormFiller;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 12 points 6 and 8 in a real browser, on the demo force: the demo auditor creates a case audit exercise
/// (checking and changing the answers), draws the sample, grades a child's case, reads the tables, adds a recommendation and
/// marks it done. Every page is 320 CSS pixels wide and run through axe by the session.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CaseAuditJourneyTests(WebAppFixture fixture)
{
    private static ILocator Content(IPage page) => page.Locator("main");

    private static string Uk(DateTime d) => string.Create(CultureInfo.InvariantCulture, $"{d.Day} {d.Month} {d.Year}");

    [Fact]
    public async Task An_auditor_creates_an_exercise_draws_the_sample_grades_a_case_and_tracks_a_recommendation()
    {
        await using var session = await fixture.NewPageAsync(narrow: true);
        session.FailOnErrorResponses = true;
        var page = session.Page;
        await session.SignInAsync("auditor", RecordingJourneyTests.DemoPassword);
        var today = DateTime.UtcNow.Date;
        var name = "Browser audit " + Guid.NewGuid().ToString("N")[..6];

        await session.GotoAsync("/case-audits");
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Create an exercise" }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }), new Dictionary<string, string>
        {
            ["Name"] = name, ["PeriodFrom"] = Uk(today.AddYears(-4)), ["PeriodTo"] = Uk(today), ["Bcus"] = "BCU-N,BCU-S,BCU-E",
            ["CaseTypes"] = "missing,custody,s47-enquiry,general-concern", ["PerStratum"] = "2", ["Seed"] = "2015", ["ReportDate"] = Uk(today),
        });
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync(name);
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Missing children");
        // Change answers goes back to the form with everything kept.
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Change answers" }));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Create exercise" }));
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The exercise was created");

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Draw the sample" }));
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The sample was drawn");
        var first = page.GetByTestId("sample").Locator("tbody tr").First;
        var child = (await first.Locator("a").InnerTextAsync()).Split(':')[0].Trim();
        await first.Locator("a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(child);

        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Save grading" }), new Dictionary<string, string>
        {
            ["Kind"] = "independent", ["Overall"] = "requires-improvement", ["Findings"] = "No strategy discussion after the third episode",
        });
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("was graded");
        await Expect(page.GetByTestId("sample").Locator("tbody tr").First).ToContainTextAsync("Requires improvement");

        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Audit tables" }).ClickAsync();
        await Expect(page.GetByTestId("grade-counts")).ToContainTextAsync("Requires improvement");

        await session.GotoAsync(page.Url.Replace("/tables", "/recommendations"));
        await Content(page).GetByRole(AriaRole.Link, new() { Name = "Add a recommendation" }).ClickAsync();
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }), new Dictionary<string, string>
        {
            ["Text"] = "Improve practice in cases of children who go missing from home", ["Owner"] = "Head of public protection", ["Timescale"] = "immediately",
        });
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The recommendation was added");
        await SubmitAsync(page, Content(page).GetByRole(AriaRole.Button, new() { Name = "Mark done" }).First);
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Recommendation 1 is done");
    }
}
