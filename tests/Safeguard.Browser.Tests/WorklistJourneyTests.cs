using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 8 point 3 in a real browser: a supervisor completes a task with what was done and acknowledges an
/// alert from the worklist. Both forms post with their own anti-forgery token (a form without one answers 400 in a
/// browser), the task on a child made for the test and the newest open alert; axe, CSP and console checks run on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistJourneyTests(WebAppFixture fixture)
{
    private const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task Supervisor_completes_a_task_and_acknowledges_an_alert_on_the_worklist()
    {
        var surname = await RepeatMissingChildAsync();
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("supervisor", DemoPassword);

        await session.GotoAsync("/worklist");
        var task = page.Locator("details", new() { HasText = $"task for Mia {surname}" }).First;
        await task.Locator("summary").ClickAsync();
        await task.GetByLabel("What was done").FillAsync("Safe and well check done at the children's home");
        await task.GetByRole(AriaRole.Button, new() { Name = "Complete task" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/worklist"));
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();

        // The newest alert not yet acknowledged, whoever it is about (the demo force has many).
        var note = page.GetByLabel(new Regex("What you did about it")).First;
        await note.FillAsync("Discussed at the daily management meeting; trigger plan reviewed");
        await note.Locator("xpath=ancestor::form").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/worklist"));
        await Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await Expect(page.GetByText("Discussed at the daily management meeting; trigger plan reviewed").First).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>A child missing three times in the last weeks, found each time: tasks after return and a repeat-missing alert.</summary>
    private async Task<string> RepeatMissingChildAsync()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var surname = "Worklistbrowser" + Guid.NewGuid().ToString("N")[..4];
        var child = await api.CreatePersonAsync(A.Child("Mia", surname).AgedYears(14).Build());
        var now = DateTimeOffset.UtcNow;
        for (int i = 0; i < 3; i++)
        {
            var missingAt = now.AddDays(-20 + i * 7);
            var missingId = $"wl-m{i}-{child}";
            await api.RecordAsync(new
            {
                id = missingId, type = "missing-reported", occurredAt = missingAt,
                people = new[] { new { personId = child, role = "child" } },
                data = new { riskGrade = "medium", reportedBy = "childrens-home", lookedAfter = true, lastSeenAt = missingAt, lastSeenLocation = "Town centre" },
            });
            await api.RecordAsync(new
            {
                id = $"wl-f{i}-{child}", type = "missing-located", occurredAt = missingAt.AddHours(6),
                people = new[] { new { personId = child, role = "child" } },
                data = new { missingEventId = missingId, locatedAt = missingAt.AddHours(6), foundLocation = "Bus station", foundWith = Array.Empty<string>() },
            });
        }
        return surname;
    }
}
