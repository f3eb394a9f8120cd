using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Concurrency;

/// <summary>C4 through the pages: a flag is confirmed, rejected or ended on its own page (reason, check your decision,
/// confirmation). The page carries the version of the flag the decider read on the profile, so a supervisor deciding
/// on a page read before someone else's decision is told, not allowed to overwrite it.</summary>
public sealed class FlagDecisionPageTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    /// <summary>A suggested CCE flag raised by an officer about a new child.</summary>
    private async Task<(HttpClient Api, string Child, string FlagId)> SuggestedFlagAsync()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Paige", "Stale").Build());
        var officer = await _factory.ApiAsAsync("officer");
        var (_, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cce-risk", reason = "Carrying unexplained cash" });
        return (api, child, flag!["id"]!.GetValue<string>());
    }

    /// <summary>The decision's link on the profile, as the supervisor sees it.</summary>
    private static async Task<string> LinkOnProfileAsync(PageSignIn page, string child, string flagId, string decision)
    {
        var (_, html) = await page.GetAsync($"/people/{child}");
        var href = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("a[href]")
            .Select(a => WebUtility.HtmlDecode(a.GetAttribute("href")!)).Single(h => h.StartsWith($"/people/{child}/flags/{flagId}/{decision}", StringComparison.Ordinal));
        return href;
    }

    private static async Task<string> StatusAsync(HttpClient api, string child)
    {
        var (_, profile) = await api.GetJsonAsync($"/api/v1/people/{child}/profile");
        return profile!["flags"]![0]!["status"]!.GetValue<string>();
    }

    [Fact]
    public async Task Rejecting_on_a_page_read_before_another_supervisor_confirmed_is_refused_with_the_reason_kept_and_the_confirmation_stands()
    {
        var (api, child, flagId) = await SuggestedFlagAsync();
        var page = await PageSignIn.AsAsync(_factory, "supervisor");
        var reject = await LinkOnProfileAsync(page, child, flagId, "reject");
        var check = await page.ContinueAsync(reject, [new("Reason", "Cash explained: paper round")]);
        var accept = await page.FormOnAsync(check, "Reject flag");

        await api.PostJsonAsync($"/api/v1/people/{child}/flags/{flagId}/confirm", new { reason = "Agreed at the daily meeting" });
        var response = await accept.SubmitAsync();
        var answer = await response.Content.ReadAsStringAsync();

        Assert.EndsWith("?version=1", reject);
        Assert.Equal(["1"], accept.Values("Version"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed since you read it", answer);
        Assert.Equal(["Cash explained: paper round"], (await page.FormOnAsync(response, "Continue")).Values("Reason"));
        Assert.Equal("confirmed", await StatusAsync(api, child));
    }

    [Fact]
    public async Task Rejecting_without_a_reason_is_refused_at_the_reason_before_the_check_and_the_flag_stays_suggested()
    {
        var (api, child, flagId) = await SuggestedFlagAsync();
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var response = await page.ContinueAsync(await LinkOnProfileAsync(page, child, flagId, "reject"), [new("Reason", "  ")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.False(await response.IsCheckPageAsync());
        Assert.Contains("id=\"Reason-error\"", html);
        Assert.Contains("Enter the reason you are rejecting the flag", html);
        Assert.Equal("suggested", await StatusAsync(api, child));
    }

    [Fact]
    public async Task Confirming_reads_the_decision_back_then_confirms_once_and_says_what_happens_next()
    {
        var (api, child, flagId) = await SuggestedFlagAsync();
        var page = await PageSignIn.AsAsync(_factory, "supervisor");

        var check = await page.ContinueAsync(await LinkOnProfileAsync(page, child, flagId, "confirm"), [new("Reason", "Seen with older youths at the station")]);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.True(await check.IsCheckPageAsync());
        Assert.Contains("Seen with older youths at the station", checkHtml);
        Assert.Equal("suggested", await StatusAsync(api, child));

        var sent = await (await page.FormOnAsync(check, "Confirm flag")).SubmitAsync();
        var (_, html) = await page.GetAsync(sent.Headers.Location!.OriginalString);
        html = WebUtility.HtmlDecode(html);

        Assert.Equal("/record/confirmation", sent.Headers.Location!.OriginalString);
        Assert.Equal("confirmed", await StatusAsync(api, child));
        Assert.Contains("Flag confirmed: At risk of child criminal exploitation", html);
        Assert.Contains("Paige Stale", html);
        Assert.Contains("Confirmed by you 2 March 2026 at 09:00", html);
        Assert.Contains("Reason: Seen with older youths at the station", html);
        Assert.Contains("The flag shows on Paige Stale’s profile", html);
        var (_, profile) = await api.GetJsonAsync($"/api/v1/people/{child}/profile");
        Assert.Equal(2, profile!["flags"]![0]!["history"]!.AsArray().Count); // suggested, then confirmed once
    }

    [Fact]
    public async Task Change_on_the_check_page_brings_the_reason_back_to_edit_and_ending_then_needs_it()
    {
        var (api, child, flagId) = await SuggestedFlagAsync();
        await api.PostJsonAsync($"/api/v1/people/{child}/flags/{flagId}/confirm", new { reason = "Agreed" });
        var page = await PageSignIn.AsAsync(_factory, "supervisor");
        var check = await page.ContinueAsync(await LinkOnProfileAsync(page, child, flagId, "end"), [new("Reason", "Moved out of the area")]);

        var (action, form) = await page.ChangeAsync(check, "Reason", "End flag");
        var edit = await page.FormOnAsync(form, "Continue");

        Assert.EndsWith("handler=Change#Reason", action);
        Assert.Equal(["Moved out of the area"], edit.Values("Reason"));
        var sent = await (await page.FormOnAsync(await edit.Set("Reason", "Moved to Leeds with her mother").SubmitAsync(), "End flag")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("ended", await StatusAsync(api, child));
    }

    [Fact]
    public async Task An_officer_cannot_open_a_flag_decision_page_and_is_told_so_plainly()
    {
        var (api, child, flagId) = await SuggestedFlagAsync();
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (status, html) = await page.GetAsync($"/people/{child}/flags/{flagId}/confirm");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain("Page not found", html);
        Assert.Equal("suggested", await StatusAsync(api, child));
    }
}
