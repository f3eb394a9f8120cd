using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Investigations;

/// <summary>Issue 9 point 3 through the pages: open, allocate (with the recommendation and the reason a non-specialist team
/// needs), supervisory review and close, each with check your answers and a confirmation; the investigation page, the list
/// and the teams administrators set. The factory clock stands at 09:00 on 2 March 2026.</summary>
public sealed class InvestigationPagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public InvestigationPagesTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static KeyValuePair<string, string>[] When(string prefix = "When", string day = "2", string hour = "08") =>
        [new($"{prefix}.Day", day), new($"{prefix}.Month", "3"), new($"{prefix}.Year", "2026"), new($"{prefix}.Hour", hour), new($"{prefix}.Minute", "00")];

    private async Task<string> ConfirmAsync(PageSignIn page, HttpResponseMessage check, string button)
    {
        Assert.True(await check.IsCheckPageAsync(), await check.Content.ReadAsStringAsync());
        var done = await (await page.FormOnAsync(check, button)).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return (await page.GetAsync(done.Headers.Location!.ToString())).Html;
    }

    [Fact]
    public async Task An_officer_opens_an_investigation_for_a_child_and_the_confirmation_says_when_the_first_review_is_due()
    {
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Orla", "Opened").AgedYears(9).Build());
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var check = await officer.ContinueAsync($"/investigations/open?personId={child}",
            [new("InvestigationId", "INV-PAGE-1"), new("OffenceTypes", "sexual-assault"), new("OffenceTypes", "grooming"), new("Team", "N-CID"), .. When()]);
        var checkHtml = await check.Content.ReadAsStringAsync();
        var confirmation = await ConfirmAsync(officer, check, "Open the investigation");
        var (_, investigation) = await _api.GetJsonAsync("/api/v1/investigations/INV-PAGE-1");

        Assert.Contains("Sexual assault, grooming", checkHtml);
        Assert.Contains("Northmoor criminal investigation department", checkHtml);
        Assert.Contains("Investigation opened", confirmation);
        Assert.Contains("30 March 2026 at 08:00", confirmation); // the supervisory review, 28 days on (IN1)
        Assert.Contains("/investigations/INV-PAGE-1/allocate", confirmation);
        Assert.Equal("open", investigation!["summary"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_without_an_offence_is_refused_at_the_field_and_nothing_typed_is_lost()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ned", "Nooffence").Build());
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var answer = await officer.ContinueAsync($"/investigations/open?personId={child}", [new("InvestigationId", "INV-KEEP"), .. When()]);
        var html = await answer.Content.ReadAsStringAsync();

        Assert.False(await answer.IsCheckPageAsync());
        Assert.Contains("Choose at least one offence", html);
        Assert.Contains("value=\"INV-KEEP\"", html);
    }

    [Fact]
    public async Task A_supervisor_sees_the_recommended_team_and_allocating_to_a_team_without_the_skill_needs_a_reason_and_alerts_supervisors()
    {
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Ștefania", "Allocated").AgedYears(12).Build());
        await _api.OpenAsync("INV-AL", child, "2026-02-27T10:00:00Z", "sexual-assault");
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (status, page) = await supervisor.GetAsync("/investigations/INV-AL/allocate");
        var refused = await supervisor.ContinueAsync("/investigations/INV-AL/allocate", [new("Team", "N-CID"), .. When()]);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var check = await supervisor.ContinueAsync("/investigations/INV-AL/allocate",
            [new("Team", "N-CID"), new("NonSpecialistReason", "Suspect is already in custody for CID's burglary investigation"), .. When()]);
        var confirmation = await ConfirmAsync(supervisor, check, "Allocate the investigation");
        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?audience=supervisor:N-CID&code=non-specialist-allocation");
        var (_, show) = await supervisor.GetAsync("/investigations/INV-AL");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"recommendation\"", page);
        Assert.Contains("Northmoor child abuse investigation team is recommended", page);
        Assert.Contains("0 open investigations against a capacity of 25", page);
        Assert.Contains("Required: specialist child abuse investigation", page);
        Assert.False(await refused.IsCheckPageAsync());
        Assert.Contains("does not have specialist child abuse investigation", refusedHtml);
        Assert.Contains("Investigation allocated", confirmation);
        Assert.Contains("Suspect is already in custody", confirmation);
        Assert.Single(alerts!.AsArray());
        Assert.Contains("Northmoor criminal investigation department", show);
        Assert.Contains("Suspect is already in custody", show);
    }

    [Fact]
    public async Task A_supervisory_review_records_what_was_checked_and_the_next_actions_shown_on_the_investigation()
    {
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Rhys", "Reviewed").Build());
        await _api.OpenAsync("INV-RV", child, "2026-02-01T10:00:00Z", "neglect");
        var supervisor = await PageSignIn.AsAsync(_factory, "supervisor");

        var (_, before) = await supervisor.GetAsync("/investigations/INV-RV");
        var empty = await supervisor.ContinueAsync("/investigations/INV-RV/review", When());
        var check = await supervisor.ContinueAsync("/investigations/INV-RV/review",
            [new("Checked", "Lines of enquiry and the safeguarding plan"), new("NextActions", "Visit the school\nSpeak to the GP"), .. When()]);
        var confirmation = await ConfirmAsync(supervisor, check, "Record the review");
        var (_, after) = await supervisor.GetAsync("/investigations/INV-RV");

        Assert.Contains("Overdue since 1 March 2026 at 10:00", before);
        Assert.Contains("Say what you checked", await empty.Content.ReadAsStringAsync());
        Assert.Contains("Supervisory review recorded", confirmation);
        Assert.Contains("Next due by 30 March 2026 at 08:00", after);
        Assert.Contains("Speak to the GP", after[after.IndexOf("data-testid=\"next-actions\"", StringComparison.Ordinal)..]);
        Assert.Contains("Lines of enquiry and the safeguarding plan", after);
    }

    [Fact]
    public async Task Closing_needs_the_outcome_for_the_child_and_whether_they_were_told_and_then_nothing_more_can_be_recorded()
    {
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Cara", "Closed").Build());
        await _api.OpenAsync("INV-CL", child, "2026-02-20T10:00:00Z", "assault");
        var investigator = await PageSignIn.AsAsync(_factory, "investigator");

        var refused = await investigator.ContinueAsync("/investigations/INV-CL/close", When());
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var check = await investigator.ContinueAsync("/investigations/INV-CL/close",
            [new("OutcomeForChild", "No further action; support from the school nurse"), new("ChildInformed", "yes"), new("HowInformed", "Told at home with her mother"), .. When()]);
        var confirmation = await ConfirmAsync(investigator, check, "Close the investigation");
        var (_, show) = await investigator.GetAsync("/investigations/INV-CL");
        var (closedStatus, _) = await investigator.GetAsync("/investigations/INV-CL/close");

        Assert.Contains("Record the outcome for the child", refusedHtml);
        Assert.Contains("Say whether the child was told", refusedHtml);
        Assert.Contains("Investigation closed", confirmation);
        Assert.Contains("No further action; support from the school nurse", show);
        Assert.Contains("Yes: Told at home with her mother", show);
        Assert.Equal(HttpStatusCode.NotFound, closedStatus);
    }

    [Fact]
    public async Task The_list_filters_by_team_and_status_a_page_at_a_time()
    {
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Lise", "Listed").Build());
        for (var i = 1; i <= 26; i++) await _api.OpenAsync($"INV-L{i:00}", child, $"2026-02-{i:00}T10:00:00Z", "neglect");
        await _api.AllocateAsync("INV-L26", child, "2026-02-26T12:00:00Z", "N-CAIT");
        var officer = await PageSignIn.AsAsync(_factory, "officer");

        var (_, first) = await officer.GetAsync("/investigations");
        var (_, second) = await officer.GetAsync("/investigations?page=2");
        var (_, allocated) = await officer.GetAsync("/investigations?team=N-CAIT&status=allocated");

        Assert.Contains("26 investigations", first);
        Assert.Contains("href=\"/investigations/INV-L26\"", first);
        Assert.DoesNotContain("href=\"/investigations/INV-L01\"", first);
        Assert.Contains("href=\"/investigations/INV-L01\"", second);
        Assert.Contains("1 investigation<", allocated);
        Assert.Contains("Northmoor child abuse investigation team", allocated);
    }

    [Fact]
    public async Task An_administrator_sets_a_teams_skills_and_capacity_and_a_capacity_that_is_not_a_number_is_refused()
    {
        await _factory.AddTeamsAsync();
        var admin = await PageSignIn.AsAsync(_factory, "administrator");

        var refused = await admin.SubmitAsync("/admin/teams/N-CID", "Save the team", [new("Capacity", "lots")]);
        var saved = await admin.SubmitAsync("/admin/teams/N-CID", "Save the team", [new("Capacity", "35"), new("Skills", "online-abuse")]);
        var (_, list) = await admin.GetAsync("/admin/teams");
        var (_, team) = await _api.GetJsonAsync("/api/v1/teams/N-CID");

        Assert.Contains("from 0 to 1000", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("online abuse", list);
        Assert.Equal(35, team!["capacity"]!.GetValue<int>());
    }
}
