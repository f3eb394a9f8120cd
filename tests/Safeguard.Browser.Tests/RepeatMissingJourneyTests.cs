using System.Net.Http.Headers;
using Microsoft.Playwright;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>F1, F2, F4 in a real browser under the real CSP: the control room reports a repeat missing child (checking
/// and changing the answers before sending), records her found, and writes the trigger plan from the places proposed by earlier episodes. Every page is
/// checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RepeatMissingJourneyTests(WebAppFixture fixture)
{
    private const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task Control_room_reports_a_repeat_missing_child_records_her_found_and_writes_the_trigger_plan()
    {
        var child = await ChildMissingTwiceAsync();
        await EnsureUserAsync("control-room", Roles.ControlRoom);
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("control-room", DemoPassword);

        await session.GotoAsync($"/people/{child}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report missing", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("missing-history-count")).ToContainTextAsync("2 previous episodes in all");
        await Expect(page.GetByTestId("missing-episodes")).ToContainTextAsync("Garage on Mill Lane");

        await page.GetByLabel("Low", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Children’s home").CheckAsync();
        await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where was the child last seen?").FillAsync("Outside the children’s home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Check your answers: "Change" brings the form back with every answer kept.
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Outside the children’s home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change where last seen" }).ClickAsync();
        await Expect(page.GetByLabel("Where was the child last seen?")).ToHaveValueAsync("Outside the children’s home");
        await Expect(page.GetByLabel("Children’s home")).ToBeCheckedAsync();
        await page.GetByLabel("Where was the child last seen?").FillAsync("Outside the children’s home, Mill Lane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Outside the children’s home, Mill Lane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }).ClickAsync();

        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Skye Browsertest reported missing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the missing episode" }).ClickAsync();
        await Expect(page.GetByTestId("episode-status")).ToHaveTextAsync("open");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the child found" }).ClickAsync();
        await page.GetByLabel("Where was the child found?").FillAsync("Garage on Mill Lane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("Garage on Mill Lane");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and send" }).ClickAsync();
        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Skye Browsertest recorded as found");
        await Expect(page.GetByTestId("confirmation-next")).ToContainTextAsync("Safe and well check, due");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to the missing episode" }).ClickAsync();
        await Expect(page.GetByTestId("episode-status")).ToHaveTextAsync("located");
        await Expect(page.GetByTestId("episode-tasks")).ToContainTextAsync("Trigger plan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Trigger plan" }).ClickAsync();
        await Expect(page.GetByLabel("Garage on Mill Lane")).ToBeCheckedAsync();
        await page.GetByLabel("Description of the child").FillAsync("Slim, dark hair, usually a grey hoodie");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record trigger plan" }).ClickAsync();

        await Expect(page.GetByTestId("trigger-plan")).ToContainTextAsync("Slim, dark hair");
        await Expect(page.GetByTestId("trigger-plan")).ToContainTextAsync("Garage on Mill Lane");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>A child with two recent episodes, through the API with the fixture's bootstrap token.</summary>
    private async Task<string> ChildMissingTwiceAsync()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var child = await api.CreatePersonAsync(A.Child("Skye", "Browsertest").AgedYears(14).Build());
        var now = DateTimeOffset.UtcNow;
        for (int i = 0; i < 2; i++)
        {
            var reported = now.AddDays(-20 + i * 10);
            await api.RecordAsync(new
            {
                id = $"browser-m{i}-{child}", type = "missing-reported", occurredAt = reported,
                people = new[] { new { personId = child, role = "child" } },
                data = new { riskGrade = "low", reportedBy = "childrens-home", lookedAfter = true, lastSeenAt = reported },
            });
            await api.RecordAsync(new
            {
                id = $"browser-f{i}-{child}", type = "missing-located", occurredAt = reported.AddHours(6),
                people = new[] { new { personId = child, role = "child" } },
                data = new { missingEventId = $"browser-m{i}-{child}", locatedAt = reported.AddHours(6), foundLocation = "Garage on Mill Lane" },
            });
        }
        return child;
    }

    /// <summary>The demo seeding makes this user; if it has not, an administrator adds it through the users API.</summary>
    private async Task EnsureUserAsync(string username, string role)
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        for (int page = 1, pages = 1; page <= pages; page++)
        {
            var (_, users) = await api.GetJsonAsync($"/api/v1/users?pageSize=200&page={page}");
            if (users!["items"]!.AsArray().Any(u => u!["username"]!.GetValue<string>() == username)) return;
            pages = users["pages"]!.GetValue<int>();
        }
        var (status, body) = await api.PostJsonAsync("/api/v1/users",
            new { username, displayName = "Browser test " + role, role, password = DemoPassword });
        Assert.True(status == System.Net.HttpStatusCode.Created, $"Adding {username} answered {status}: {body}");
    }
}
