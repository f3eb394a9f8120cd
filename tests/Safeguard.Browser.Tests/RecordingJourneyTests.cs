using System.Net.Http.Headers;
using System.Net.Http.Json;
using Safeguard.TestKit;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Safeguard.Browser.Tests;

/// <summary>The foundation journeys as an officer walks them: sign in, find the child, record a PPN
/// (with a missing observation put right), and see it in the child's chronology. Every page visited is
/// checked for serious accessibility problems and console errors by the session itself.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordingJourneyTests(WebAppFixture fixture)
{
    public const string DemoPassword = "Safeguard-demo-1";

    [Fact]
    public async Task Officer_records_a_ppn_puts_right_a_missing_field_and_sees_it_in_the_childs_chronology()
    {
        var childId = await CreateChildAsync("Marnie", "Browsertest", "2013-04-09");
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;

        await session.SignInAsync("officer", DemoPassword);

        // Find the child with a misspelt surname and only the year of birth.
        await session.GotoAsync("/people");
        await page.FillAsync("#Name", "Marnie Browsertst");
        await page.FillAsync("#DateOfBirth-year", "2013");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Marnie Browsertest" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Marnie Browsertest");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a PPN about this person" }).ClickAsync();
        await page.GetByLabel("Neglect").CheckAsync();
        await FillWhenAsync(page, "OccurredAt", "1", "3", "2026", "21:15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The child's views, but no demeanour: refused, with the typed words kept.
        await page.FillAsync("#ChildViews", "I don't want to go home tonight");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("demeanour");
        await Expect(page.Locator("#ChildViews")).ToHaveValueAsync("I don't want to go home tonight");

        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        await page.FillAsync("#Demeanour", "Quiet, avoided eye contact, clutching a school bag");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.FillAsync("#ImmediateActions", "Took the child to her aunt with mother's agreement");
        await page.Locator("#Referred").CheckAsync();
        await page.Locator("#RiskGrade-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.Locator("[data-testid=check-answers]")).ToContainTextAsync("Quiet, avoided eye contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit notification" }).ClickAsync();

        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Public protection notification recorded");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to Marnie Browsertest’s profile" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/people/{childId}"));
        var chronology = page.Locator("[data-testid=chronology]");
        await Expect(chronology).ToContainTextAsync("Public protection notification");
        await Expect(chronology).ToContainTextAsync("neglect");
    }

    [Fact]
    public async Task Officer_records_a_domestic_abuse_incident_with_each_childs_demeanour()
    {
        var childId = await CreateChildAsync("Tilly", "Hometest", "2016-02-11");
        await CreateChildAsync("Dana", "Hometest", "1990-06-01");
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("officer", DemoPassword);

        await session.GotoAsync("/record");
        await page.GetByRole(AriaRole.Link, new() { Name = "Domestic abuse incident with children present" }).ClickAsync();
        await page.FillAsync("#Name", "Dana Hometest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "victim (Dana Hometest)" }).ClickAsync();
        await page.FillAsync("#Name", "Tilly Hometest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "child (Tilly Hometest)" }).ClickAsync();
        await Expect(page.Locator("[data-testid=incident-people]")).ToContainTextAsync("Tilly Hometest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await FillWhenAsync(page, "OccurredAt", "1", "3", "2026", "22:40");
        await page.FillAsync("#Summary", "Shouting heard by neighbour; victim has a cut lip");
        await page.Locator("#RiskGrade-2").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // The child's page: without an answer to "seen and spoken to" it is refused, the words kept.
        await page.FillAsync("#Demeanour", "Sitting on the stairs in pyjamas, hands over ears");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("seen and spoken to");
        await Expect(page.Locator("#Demeanour")).ToHaveValueAsync("Sitting on the stairs in pyjamas, hands over ears");
        await page.Locator("#SeenAndSpokenTo").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit incident" }).ClickAsync();

        await Expect(page.Locator("[data-testid=confirmation]")).ToContainTextAsync("Domestic abuse incident recorded");
        await page.GetByRole(AriaRole.Link, new() { Name = "Go to Tilly Hometest’s profile" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/people/{childId}"));
        await Expect(page.Locator("[data-testid=chronology]")).ToContainTextAsync("domestic abuse");
    }

    [Fact]
    public async Task Supervisor_reads_the_recording_quality_measures_and_the_profile_timeline()
    {
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.SignInAsync("supervisor", DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Measures", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "recording quality and the children to notice" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Recording quality");
        await Expect(page.Locator("[data-testid=recording-quality]").First).ToBeVisibleAsync();

        // The demo force has children at domestic abuse incidents with no PPN: their profiles open from the list.
        var gap = page.Locator("[data-testid=children-to-notice] a").First;
        await gap.ClickAsync();
        await Expect(page.Locator("[data-testid=chronology]")).ToContainTextAsync("domestic abuse");
    }

    [Fact]
    public async Task Unknown_username_wrong_password_and_locked_account_show_the_same_message()
    {
        await using var session = await fixture.NewPageAsync();
        var page = session.Page;
        await session.GotoAsync("/sign-in");

        // An account of its own to lock: the demo's users sign in in the other journeys, which share this app.
        const string lockable = "lockout-auditor";
        using (var api = new HttpClient { BaseAddress = fixture.BaseUrl })
        {
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.BootstrapToken);
            var (status, body) = await api.PostJsonAsync("/api/v1/users",
                new { username = lockable, displayName = "Browser test lockout", role = "auditor", password = DemoPassword });
            Assert.True(status == System.Net.HttpStatusCode.Created, $"Adding {lockable} answered {status}: {body}");
        }

        var unknown = await RefusedSignInAsync(page, "no-such-user", "not-the-password");
        var wrongPassword = await RefusedSignInAsync(page, lockable, "not-the-password");
        for (var i = 1; i < 5; i++)
        {
            await RefusedSignInAsync(page, lockable, "not-the-password");
        }
        var locked = await RefusedSignInAsync(page, lockable, DemoPassword);

        Assert.Contains("cannot sign in with that username and password", unknown);
        Assert.Equal(unknown, wrongPassword);
        Assert.Equal(unknown, locked);
    }

    /// <summary>Types a date and time ("21:15") into the GOV.UK date input of the field <paramref name="name"/>:
    /// day, month, year, hour and minute.</summary>
    internal static async Task FillWhenAsync(IPage page, string name, string day, string month, string year, string time)
    {
        await page.FillAsync($"#{name}", day);
        await page.FillAsync($"#{name}-month", month);
        await page.FillAsync($"#{name}-year", year);
        await page.FillAsync($"#{name}-hour", time.Split(':')[0]);
        await page.FillAsync($"#{name}-minute", time.Split(':')[1]);
    }

    /// <summary>Submits the sign-in form and returns the error summary's text; fails if sign-in succeeds.</summary>
    private static async Task<string> RefusedSignInAsync(IPage page, string username, string password)
    {
        await page.FillAsync("#Username", username);
        await page.FillAsync("#Password", password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        return await page.Locator(".govuk-error-summary").InnerTextAsync();
    }

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
