using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Custody;

/// <summary>L1, L4 through the pages: the custody officer books a child in (check answers, then the detention at a
/// glance), sees the child's flags, plans, open tasks and social worker on one screen, and the child in the list of
/// children in custody now; what happens next is recorded from the same screen.</summary>
public sealed class CustodyPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public CustodyPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string> ChildKnownToSocialCareAsync()
    {
        var child = await _api.CreatePersonAsync(A.Child("Lowen", "Carthew").AgedYears(15).Build());
        await _api.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cse-risk", reason = "Screened significant in January" });
        await _api.RecordAsync(new
        {
            id = "lc-icpc", type = "meeting", occurredAt = "2026-02-20T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new { kind = "icpc", invitedAgencies = new[] { "police", "social-care" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS", planCategory = "neglect", socialWorker = "Demo Fairbairn, Northmoor children's social care" },
        });
        return child;
    }

    private static KeyValuePair<string, string>[] Booking(string custodyId, string appropriateAdult = "") =>
    [
        new("CustodyId", custodyId), new("BookedAt.Day", "2"), new("BookedAt.Month", "3"), new("BookedAt.Year", "2026"), new("BookedAt.Hour", "08"), new("BookedAt.Minute", "30"),
        new("AppropriateAdult", appropriateAdult), new("Offence", "Burglary"), new("Station", "Brightwater"),
    ];

    [Fact]
    public async Task Booking_a_child_in_shows_flags_plans_open_tasks_and_social_worker_at_a_glance()
    {
        var child = await ChildKnownToSocialCareAsync();
        var page = await PageSignIn.AsAsync(_factory, "custody-officer");

        var check = await page.SubmitAsync($"/custody/book?personId={child}", "Continue", Booking("CUS-LC-1"));
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("Check your answers before booking in", checkHtml);
        Assert.Contains("None yet: one must be secured", checkHtml);
        var booked = await (await page.FormOnAsync(check, "Book in")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal("/custody/CUS-LC-1", booked.Headers.Location!.OriginalString);

        var (status, glance) = await page.GetAsync("/custody/CUS-LC-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Lowen Carthew booked into custody 2 March 2026 at 08:30", glance);
        Assert.Contains("data-flag=\"cse-risk\"", glance);
        Assert.Contains("Child protection plan", glance);
        Assert.Contains("Demo Fairbairn, Northmoor children", glance);
        Assert.Contains("2 March 2026 at 14:30", glance); // first review, 6 hours after booking
        Assert.Contains("3 March 2026 at 08:30 (24 hours)", glance);
        Assert.Contains("Appropriate adult", glance);
        Assert.Contains("None yet", glance);

        var (_, now) = await page.GetAsync("/custody/now");
        Assert.Contains("Lowen Carthew", now);
        Assert.Contains("href=\"/custody/CUS-LC-1\"", now);
    }

    [Fact]
    public async Task Someone_with_no_date_of_birth_is_asked_whether_they_appear_under_18_and_is_then_treated_as_a_child()
    {
        var person = await _api.CreatePersonAsync(new { forename = "Ruan", surname = "Unknownage" });
        var page = await PageSignIn.AsAsync(_factory, "custody-officer");

        var missing = await page.SubmitAsync($"/custody/book?personId={person}", "Continue", Booking("CUS-RU-1", "Volunteer scheme"));
        Assert.Contains("Say whether they appear to be under 18", await missing.Content.ReadAsStringAsync());

        var check = await page.SubmitAsync($"/custody/book?personId={person}", "Continue", [.. Booking("CUS-RU-1", "Volunteer scheme"), new("AppearsUnder18", "yes")]);
        await (await page.FormOnAsync(check, "Book in")).SubmitAsync();

        var (_, glance) = await page.GetAsync("/custody/CUS-RU-1");
        Assert.Contains("Appears to be under 18", glance);
        Assert.Contains("Custody review", glance);
    }

    [Fact]
    public async Task Charging_with_bail_refused_from_the_glance_screen_asks_for_the_transfer_request_at_once()
    {
        var child = await ChildKnownToSocialCareAsync();
        var page = await PageSignIn.AsAsync(_factory, "custody-officer");
        var check = await page.SubmitAsync($"/custody/book?personId={child}", "Continue", Booking("CUS-LC-2", "Mother"));
        await (await page.FormOnAsync(check, "Book in")).SubmitAsync();

        var charged = await page.SubmitAsync("/custody/CUS-LC-2/record/charge", "Record",
            [new("When.Day", "2"), new("When.Month", "3"), new("When.Year", "2026"), new("When.Hour", "08"), new("When.Minute", "50"), new("BailRefused", "yes")]);
        Assert.Equal(HttpStatusCode.Redirect, charged.StatusCode);

        var (_, glance) = await page.GetAsync("/custody/CUS-LC-2");
        Assert.Contains("Charged, refused bail: no transfer asked for", glance);
        Assert.Contains("Custody transfer request", glance);
        Assert.Contains("Record a request for local authority accommodation", glance);
    }

    [Fact]
    public async Task A_refusal_or_certificate_without_a_reason_is_refused_at_the_field()
    {
        var child = await ChildKnownToSocialCareAsync();
        var page = await PageSignIn.AsAsync(_factory, "custody-officer");
        var check = await page.SubmitAsync($"/custody/book?personId={child}", "Continue", Booking("CUS-LC-3", "Mother"));
        await (await page.FormOnAsync(check, "Book in")).SubmitAsync();

        var answer = await page.SubmitAsync("/custody/CUS-LC-3/record/transfer-outcome", "Record",
            [new("When.Day", "2"), new("When.Month", "3"), new("When.Year", "2026"), new("When.Hour", "08"), new("When.Minute", "55"), new("Outcome", "impracticable-certified")]);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Give the reason, as it will go to the court", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_detention_that_does_not_exist_is_not_found() =>
        Assert.Equal(HttpStatusCode.NotFound, (await (await PageSignIn.AsAsync(_factory, "custody-officer")).GetAsync("/custody/NO-SUCH")).Status);
}
