using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Meetings;

/// <summary>I5, I6 through the pages: a strategy discussion about two children recorded once with check your answers and
/// shown on both children's profiles; a decision without an owner refused at its field; an action marked done on its
/// page; a meeting nobody may see answering 404.</summary>
public sealed class MeetingPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MeetingPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static KeyValuePair<string, string>[] Decision(int row, string text, string owner, string due)
    {
        var parts = due.Split('-');
        return [new($"Decisions[{row}].Text", text), new($"Decisions[{row}].Owner", owner),
            new($"Decisions[{row}].Due.Day", parts[2]), new($"Decisions[{row}].Due.Month", parts[1]), new($"Decisions[{row}].Due.Year", parts[0])];
    }

    private static readonly KeyValuePair<string, string>[] HeldMonday =
        [new("HeldAt.Day", "2"), new("HeldAt.Month", "3"), new("HeldAt.Year", "2026"), new("HeldAt.Hour", "08"), new("HeldAt.Minute", "30")];

    [Fact]
    public async Task A_strategy_discussion_about_two_siblings_is_recorded_once_and_shown_on_both_profiles()
    {
        var elder = await _api.CreatePersonAsync(A.Child("Nessa", "Treweek").AgedYears(12).Build());
        var younger = await _api.CreatePersonAsync(A.Child("Ciarán", "Treweek").AgedYears(7).Build());
        await _api.RecordAsync(new
        {
            id = "siblings", type = "relationship", occurredAt = "2026-03-01T10:00:00Z",
            people = new[] { new { personId = elder, role = "child" }, new { personId = younger, role = "child" } }, data = new { kind = "sibling" },
        });
        var page = await PageSignIn.AsAsync(_factory, "investigator");

        var (_, form) = await page.GetAsync($"/meetings/strategy-discussion?personId={elder}");
        Assert.Contains("Ciarán Treweek", WebUtility.HtmlDecode(form));
        var check = await page.SubmitAsync($"/meetings/strategy-discussion?personId={elder}", "Continue",
            [new("EventId", "sd-treweek"), new("OtherChildren", younger), new("Agencies", "police"), new("Section47", "yes"), .. HeldMonday,
             .. Decision(0, "Joint visit to both children", "police", "2026-03-03"), .. Decision(2, "Health assessment for the younger child", "police", "2026-03-06")]);
        var checkHtml = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Contains("Check your answers before recording the strategy discussion", checkHtml);
        Assert.Contains("Joint visit to both children — owner: Police, due 3 March 2026", checkHtml);

        var recorded = await (await page.FormOnAsync(check, "Record strategy discussion")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, confirmation) = await page.GetAsync(recorded.Headers.Location!.OriginalString);
        Assert.Contains("Strategy discussion recorded", confirmation);
        Assert.Contains("Nessa Treweek, Ciarán Treweek", WebUtility.HtmlDecode(confirmation));
        Assert.Contains("Initial child protection conference", confirmation);

        foreach (var child in new[] { elder, younger })
        {
            var (_, profile) = await page.GetAsync($"/people/{child}");
            Assert.Contains("data-testid=\"profile-meetings\"", profile);
            Assert.Contains("/meetings/sd-treweek", profile);
            Assert.Contains("Joint visit to both children", WebUtility.HtmlDecode(profile));
        }
        var (_, meeting) = await _api.GetJsonAsync("/api/v1/cases/meeting/sd-treweek");
        Assert.Equal(2, meeting!["people"]!.AsArray().Count);
        // Rows left empty between filled ones are dropped, not the decisions after them.
        Assert.Equal(["Joint visit to both children", "Health assessment for the younger child"],
            meeting["actions"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_decision_without_an_owner_is_refused_at_its_field_and_nothing_is_recorded()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ebrel", "Mabyn").AgedYears(9).Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var response = await page.SubmitAsync($"/meetings/strategy-discussion?personId={child}", "Continue",
            [new("EventId", "sd-no-owner"), new("Agencies", "police"), new("Section47", "no"), .. HeldMonday, .. Decision(0, "Visit the school", "", "2026-03-05")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Choose who owns decision 1", html);
        Assert.Contains("id=\"Decisions_0__Owner-error\"", html);
        Assert.DoesNotContain("Check your answers", html);
        var (status, _) = await _api.GetJsonAsync("/api/v1/events/sd-no-owner");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Only_WT6_plan_categories_are_offered_only_conferences_make_a_plan_and_police_attendance_needs_who_and_rank()
    {
        var child = await _api.CreatePersonAsync(A.Child("Tamsin", "Keast").AgedYears(6).Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var offered = System.Text.RegularExpressions.Regex.Matches((await page.GetAsync($"/meetings/record?personId={child}")).Html,
            "name=\"PlanCategory\" type=\"radio\" value=\"([^\"]*)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["", "neglect", "physical-abuse", "emotional-abuse", "sexual-abuse"], offered);

        var response = await page.SubmitAsync($"/meetings/record?personId={child}", "Continue",
            [new("Kind", "marac"), new("InvitedAgencies", "police"), new("PoliceAttended", "yes"), new("PoliceAttendee", ""), new("PlanCategory", "neglect"), .. HeldMonday]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Only a child protection conference makes a child protection plan", html);
        Assert.Contains("Enter the name or collar number of the officer who attended", html);
        Assert.Contains("Choose the rank of the officer who attended", html);
    }

    [Fact]
    public async Task An_action_is_marked_done_on_its_page_and_the_meeting_page_shows_when()
    {
        var child = await _api.CreatePersonAsync(A.Child("Piran", "Chenoweth").AgedYears(14).Build());
        await _api.RecordAsync(new
        {
            id = "marac-1", type = "meeting", occurredAt = "2026-03-02T08:00:00Z", people = new[] { new { personId = child, role = "child" } },
            data = new
            {
                kind = "marac", invitedAgencies = new[] { "police" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS",
                decisions = new[] { new { text = "Flag the address for an urgent response", owner = "police", dueDate = "2026-03-02" } },
            },
        });
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var (_, before) = await page.GetAsync("/meetings/marac-1");
        Assert.Contains("Detective sergeant (DS)", before);
        Assert.Contains("Mark as done", before);

        var done = await page.SubmitAsync("/meetings/marac-1/actions/1/done", "Mark as done", [new("Note", "Marker placed on the address")]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, after) = await page.GetAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("Action 1 marked done", after);
        Assert.Contains("Marker placed on the address", after);
        Assert.DoesNotContain(">Mark as done<", after);

        var (_, list) = await page.GetAsync("/meetings/actions?status=done&owner=police&page=1");
        Assert.Contains("Flag the address for an urgent response", list);
        Assert.DoesNotContain("govuk-error-summary", list);
        Assert.Contains("Police were not invited to any child protection conference in the last three months", list); // a MARAC is not a conference
    }

    [Fact]
    public async Task A_meeting_that_does_not_exist_answers_not_found()
    {
        var page = await PageSignIn.AsAsync(_factory, "officer");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/meetings/no-such-meeting")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync("/meetings/no-such-meeting/actions/1/done")).Status);
    }
}
