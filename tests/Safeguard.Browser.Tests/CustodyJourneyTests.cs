using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 10 point 1 in a real browser: the custody officer books a child in (check answers, then the detention
/// at a glance) and sees the child's flags, plans, open tasks, social worker and detention clock on one screen, then the
/// child among the children in custody now. axe, CSP and console checks run on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustodyJourneyTests(WebAppFixture fixture)
{
    private const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task Custody_officer_books_a_child_in_and_sees_everything_about_them_at_a_glance()
    {
        var (child, surname) = await ChildWithAPlanAsync();
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("custody-officer", DemoPassword);

        await session.GotoAsync($"/custody/book?personId={child}");
        await page.FillAsync("#AppropriateAdult", "Grandmother, Ruth Tonkin");
        await page.FillAsync("#Offence", "Criminal damage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before booking in" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/custody/CUS-"));
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Tegen {surname} booked into custody");
        await Expect(page.Locator("[data-testid=detention-clock]")).ToContainTextAsync("Next review due");
        await Expect(page.Locator("[data-testid=detention-clock]")).ToContainTextAsync("Grandmother, Ruth Tonkin");
        await Expect(page.Locator("[data-testid=social-worker]")).ToContainTextAsync("Demo Fairbairn");
        await Expect(page.Locator("[data-testid=plans]")).ToContainTextAsync("Child protection plan");
        await Expect(page.Locator("[data-testid=open-tasks]")).ToContainTextAsync("Custody review");

        await session.GotoAsync("/custody/now");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Tegen {surname}" })).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>A 15-year-old on a child protection plan with a named social worker.</summary>
    private async Task<(string Child, string Surname)> ChildWithAPlanAsync()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var surname = "Custodybrowser" + Guid.NewGuid().ToString("N")[..4];
        var child = await api.CreatePersonAsync(A.Child("Tegen", surname).AgedYears(15).Build());
        await api.RecordAsync(new
        {
            id = $"cu-icpc-{child}", type = "meeting", occurredAt = DateTimeOffset.UtcNow.AddDays(-10),
            people = new[] { new { personId = child, role = "child" } },
            data = new { kind = "icpc", invitedAgencies = new[] { "police", "social-care" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS", planCategory = "neglect", socialWorker = "Demo Fairbairn" },
        });
        return (child, surname);
    }
}
