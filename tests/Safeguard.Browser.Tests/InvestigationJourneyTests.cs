using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>Issue 9 points 3 and 8 in a real browser (I1): a supervisor allocates a child sexual abuse investigation, seeing
/// what it needs, each team's caseload against capacity and the team recommended with why; choosing a team without the
/// skill asks for a reason, the check page warns that supervisors will be alerted, and the investigation page keeps the
/// reason. Axe, CSP and console checks run on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvestigationJourneyTests(WebAppFixture fixture)
{
    private const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task A_supervisor_allocates_an_investigation_seeing_caseloads_and_the_recommendation_and_gives_a_reason_for_a_non_specialist_team()
    {
        var (id, name) = await OpenedInvestigationAsync();
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("supervisor", DemoPassword);

        await session.GotoAsync($"/investigations/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Allocate to a team" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Allocate the investigation into offences against {name}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("needs")).ToContainTextAsync("Required: specialist child abuse investigation");
        await Expect(page.GetByTestId("recommendation")).ToContainTextAsync(new Regex("child abuse investigation team is recommended"));
        var cid = page.GetByTestId("teams").Locator("tr", new() { HasText = "Northmoor criminal investigation department" });
        await Expect(cid).ToContainTextAsync("Does not have specialist child abuse investigation");
        await Expect(page.GetByTestId("teams").Locator("tr", new() { HasText = "Recommended" })).ToContainTextAsync(new Regex(@"open investigations against a capacity of \d+"));

        await page.GetByLabel(new Regex("^Northmoor criminal investigation department")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("does not have specialist child abuse investigation");

        await page.GetByLabel("Reason for choosing a team without the specialist skill").FillAsync("Suspect is in custody on CID's burglary enquiry; joint interview planned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByTestId("check-answers")).ToContainTextAsync("joint interview planned");
        await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("Supervisors will be alerted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate the investigation" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/record/confirmation"));
        await Expect(page.GetByTestId("confirmation")).ToContainTextAsync("Investigation allocated");
        await Expect(page.GetByTestId("confirmation-next")).ToContainTextAsync("Alert sent to Supervisors");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the investigation" }).ClickAsync();
        await Expect(page.GetByTestId("investigation")).ToContainTextAsync("joint interview planned");
        Assert.Empty(session.ConsoleErrors);
    }

    /// <summary>A 12-year-old's sexual assault investigation opened yesterday by the Northmoor CID, not yet allocated.</summary>
    private async Task<(string Id, string Name)> OpenedInvestigationAsync()
    {
        using var api = new HttpClient { BaseAddress = fixture.BaseUrl };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
        var surname = "Allocbrowser" + Guid.NewGuid().ToString("N")[..4];
        var child = await api.CreatePersonAsync(A.Child("Ștefania", surname).AgedYears(12).Build());
        var id = "INV-BR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await api.RecordAsync(new
        {
            id = $"open-{id}", type = "investigation-opened", occurredAt = DateTimeOffset.UtcNow.AddDays(-1),
            people = new[] { new { personId = child, role = "victim" } },
            data = new { investigationId = id, offenceTypes = new[] { "sexual-assault" }, team = "N-CID" },
        });
        return (id, $"Ștefania {surname}");
    }
}
