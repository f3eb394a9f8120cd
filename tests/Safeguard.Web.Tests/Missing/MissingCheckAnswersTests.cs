using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Missing;

/// <summary>Issue 8, point 7: every missing journey (report, found, safe-and-well, return interview) reads the answers
/// back before storing anything; "Change" goes back to the form with the answers kept; "Accept and send" stores one
/// event and confirms it in plain words with what happens next; a refusal on submit shows the form again, answers
/// kept. The test clock reads 2 March 2026 09:00 (UK = UTC).</summary>
public sealed class MissingCheckAnswersTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MissingCheckAnswersTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private Task<string> ChildAsync() => _api.CreatePersonAsync(A.Child("Nia", "Checkback").AgedYears(14).Build());

    private static KeyValuePair<string, string>[] Report(string eventId) =>
    [
        new("RiskGrade", "medium"), new("ReportedBy", "foster-carer"), new("LookedAfter", "yes"), .. DateParts.Of("LastSeenAt", "2026-03-02T07:30"),
        new("LastSeenLocation", "Outside Hilltop School"), new("Circumstances", "Left after an argument with her carer"), new("EventId", eventId),
    ];

    [Fact]
    public async Task The_report_check_page_reads_the_answers_back_in_words_and_stores_nothing_yet()
    {
        var child = await ChildAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var check = await page.ContinueAsync($"/missing/report?personId={child}", Report("cya-m1"));
        var html = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());

        Assert.True(await check.IsCheckPageAsync());
        Assert.Contains("Check your answers before reporting Nia Checkback missing", html);
        Assert.Contains("Medium", html);
        Assert.Contains("Foster carer", html);
        Assert.Contains("2 March 2026 at 07:30", html);
        Assert.Contains("Outside Hilltop School", html);
        Assert.DoesNotContain("foster-carer<", html);
        Assert.Equal(0, _factory.Db().Events.Count(e => e.Id == "cya-m1"));
    }

    [Fact]
    public async Task Change_on_the_check_page_goes_back_to_the_field_with_every_answer_kept()
    {
        var child = await ChildAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");
        var check = await page.ContinueAsync($"/missing/report?personId={child}", Report("cya-m2"));

        var (action, form) = await page.ChangeAsync(check, "Circumstances");

        Assert.EndsWith("handler=Change#Circumstances", action);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.False(await form.IsCheckPageAsync());
        var again = await page.FormOnAsync(form, "Continue");
        Assert.Equal(["medium"], again.Values("RiskGrade"));
        Assert.Equal(["foster-carer"], again.Values("ReportedBy"));
        Assert.Equal(["30"], again.Values("LastSeenAt.Minute"));
        Assert.Equal(["Outside Hilltop School"], again.Values("LastSeenLocation"));
        Assert.Equal(["Left after an argument with her carer"], again.Values("Circumstances"));
        Assert.Equal(["cya-m2"], again.Values("EventId"));
        Assert.Equal(0, _factory.Db().Events.Count(e => e.Id == "cya-m2"));
    }

    [Fact]
    public async Task Accept_and_send_stores_one_report_and_the_confirmation_names_the_child_the_time_and_the_episode()
    {
        var child = await ChildAsync();
        var page = await PageSignIn.AsAsync(_factory, "control-room");

        var sent = await page.RecordAsync($"/missing/report?personId={child}", Report("cya-m3"));
        var (_, html) = await page.GetAsync(sent.Headers.Location!.OriginalString);
        html = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, _factory.Db().Events.Count(e => e.Id == "cya-m3"));
        Assert.Contains("Nia Checkback reported missing", html);
        Assert.Contains("Last seen 2 March 2026 at 07:30, Outside Hilltop School", html);
        Assert.Contains("What happens next", html);
        Assert.Contains("href=\"/missing/cya-m3\"", html);
        Assert.Contains($"href=\"/people/{child}#chronology\"", html);
    }

    [Fact]
    public async Task Found_is_checked_then_confirmed_with_the_safe_and_well_and_return_interview_tasks_and_their_due_times()
    {
        var child = await ChildAsync();
        await _api.ReportAsync("cya-m4", child, "2026-03-02T06:00:00Z");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.ContinueAsync("/missing/cya-m4/locate",
            [.. DateParts.Of("LocatedAt", "2026-03-02T08:30"), new("FoundLocation", "Bus station"), new("FoundWithNames", "Older boy called Jay"), new("EventId", "cya-f4")]);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("2 March 2026 at 08:30", checkHtml);
        Assert.Contains("Older boy called Jay", checkHtml);
        Assert.Equal(0, _factory.Db().Events.Count(e => e.Id == "cya-f4"));

        var sent = await (await page.FormOnAsync(check, "Accept and send")).SubmitAsync();
        var (_, html) = await page.GetAsync(sent.Headers.Location!.OriginalString);
        html = WebUtility.HtmlDecode(html);

        Assert.Equal(1, _factory.Db().Events.Count(e => e.Id == "cya-f4"));
        Assert.Contains("Nia Checkback recorded as found", html);
        Assert.Contains("Found 2 March 2026 at 08:30 at Bus station", html);
        Assert.Contains("Safe and well check, due 3 March 2026 at 08:30", html);
        Assert.Contains("Return interview, due 5 March 2026 at 08:30", html);
        Assert.Contains("href=\"/missing/cya-m4\"", html);
    }

    [Fact]
    public async Task Found_before_last_seen_refused_on_accept_shows_the_form_again_with_the_error_at_the_time_and_the_answers_kept()
    {
        var child = await ChildAsync();
        await _api.ReportAsync("cya-m5", child, "2026-03-02T07:00:00Z");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var response = await page.RecordAsync("/missing/cya-m5/locate",
            [.. DateParts.Of("LocatedAt", "2026-03-02T06:15"), new("FoundLocation", "Railway arches"), new("EventId", "cya-f5")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"LocatedAt-error\"", html);
        var form = await page.FormOnAsync(response, "Continue");
        Assert.Equal(["Railway arches"], form.Values("FoundLocation"));
        Assert.Equal(["06"], form.Values("LocatedAt.Hour"));
        Assert.Equal(0, _factory.Db().Events.Count(e => e.Id == "cya-f5"));
    }

    [Fact]
    public async Task A_safe_and_well_check_needs_the_time_the_officer_and_what_happened_each_refused_at_its_field()
    {
        var child = await ChildAsync();
        await _api.ReportAsync("cya-m6", child, "2026-03-02T06:00:00Z");
        await _api.LocateAsync("cya-f6", "cya-m6", child, "2026-03-02T07:00:00Z", "Park");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var response = await page.ContinueAsync("/missing/cya-m6/safe-and-well",
            [new("CheckedAt.Hour", ""), new("Officer", " "), new("Narrative", ""), new("EventId", "cya-sw6")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.False(await response.IsCheckPageAsync());
        Assert.Contains("id=\"CheckedAt-error\"", html);
        Assert.Contains("id=\"Officer-error\"", html);
        Assert.Contains("id=\"Narrative-error\"", html);
        Assert.Contains("Enter what happened during the check", html);
        Assert.Equal(0, _factory.Db().Events.Count(e => e.Id == "cya-sw6"));
    }

    [Fact]
    public async Task A_safe_and_well_check_is_read_back_then_stored_once_and_confirmed_as_closing_the_episode()
    {
        var child = await ChildAsync();
        await _api.ReportAsync("cya-m7", child, "2026-03-02T06:00:00Z");
        await _api.LocateAsync("cya-f7", "cya-m7", child, "2026-03-02T07:00:00Z", "Park");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.ContinueAsync("/missing/cya-m7/safe-and-well",
        [
            .. DateParts.Of("CheckedAt", "2026-03-02T08:40"), new("Officer", "PC Amy Hart 4471"), new("Disclosures", "older-partner"),
            new("Narrative", "Said she had been with an older boyfriend"), new("EventId", "cya-sw7"),
        ]);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        var sent = await (await page.FormOnAsync(check, "Accept and send")).SubmitAsync();
        var (_, html) = await page.GetAsync(sent.Headers.Location!.OriginalString);
        html = WebUtility.HtmlDecode(html);

        Assert.Contains("PC Amy Hart 4471", checkHtml);
        Assert.Contains("Said she had been with an older boyfriend", checkHtml);
        Assert.Equal(1, _factory.Db().Events.Count(e => e.Id == "cya-sw7"));
        Assert.Contains("Checked 2 March 2026 at 08:40 by PC Amy Hart 4471", html);
        Assert.Contains("The missing episode is closed", html);
        Assert.Contains(">closed</strong>", (await page.GetAsync("/missing/cya-m7")).Html);
    }

    [Fact]
    public async Task A_return_interview_is_read_back_then_stored_once_and_confirmed_with_when_it_was_held()
    {
        var child = await ChildAsync();
        await _api.ReportAsync("cya-m8", child, "2026-03-02T06:00:00Z");
        await _api.LocateAsync("cya-f8", "cya-m8", child, "2026-03-02T07:00:00Z", "Park");
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.ContinueAsync("/missing/cya-m8/return-interview",
        [
            .. DateParts.Of("OfferedAt", "2026-03-02T07:30"), new("Outcome", "held"), .. DateParts.Of("HeldAt", "2026-03-02T08:15"),
            new("ByAgency", "Independent return service"), new("EventId", "cya-ri8"),
        ]);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        var sent = await (await page.FormOnAsync(check, "Accept and send")).SubmitAsync();
        var (_, html) = await page.GetAsync(sent.Headers.Location!.OriginalString);
        html = WebUtility.HtmlDecode(html);

        Assert.Contains("Held 2 March 2026 at 08:15", checkHtml);
        Assert.Contains("Independent return service", checkHtml);
        Assert.Equal(1, _factory.Db().Events.Count(e => e.Id == "cya-ri8"));
        Assert.Contains("Return interview for Nia Checkback recorded", html);
        Assert.Contains("Offered 2 March 2026 at 07:30 by Independent return service", html);
        Assert.Contains("Held 2 March 2026 at 08:15", html);
    }
}
