using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Investigations;

/// <summary>Issue 9 point 3 through the API, from the inspection report's investigation cases (`shared/seed`): the right team
/// for the offence and the child (I1), supervisory reviews on time (I2, IN1) and closing with the outcome for the child (B3).
/// The factory clock stands at 09:00 on Monday 2 March 2026 (GMT).</summary>
public sealed class InvestigationScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public InvestigationScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Girl_of_13_sending_images_to_an_older_man_online_goes_to_a_specialist_team_and_a_neighbourhood_team_needs_a_reason()
    {
        // "The case was investigated by a neighbourhood officer who was not trained in child protection."
        await _factory.AddTeamsAsync();
        var girl = await _api.CreatePersonAsync(A.Child("Keira", "Imagesent").AgedYears(13).Build());
        await _api.OpenAsync("INV-IMG", girl, "2026-02-20T10:00:00Z", "indecent-images", "sexual-communication");

        var (_, advice) = await _api.GetJsonAsync("/api/v1/investigations/INV-IMG/allocation");
        var (refused, problem) = await _api.AllocateAsync("INV-IMG", girl, "2026-02-20T12:00:00Z", "N-CID");
        var (_, still) = await _api.GetJsonAsync("/api/v1/investigations/INV-IMG");

        Assert.Equal("E-CAIT", advice!["recommended"]!.GetValue<string>()); // child abuse, online abuse and high-tech crime
        Assert.Contains("high-tech crime", advice["why"]!.GetValue<string>());
        Assert.True(advice["options"]!.AsArray().Single(o => o!["team"]!["code"]!.GetValue<string>() == "N-CID")!["needsReason"]!.GetValue<bool>());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "non-specialist-reason-required"), (refused, problem!["code"]!.GetValue<string>()));
        Assert.Contains("specialist child abuse investigation", problem["errors"]!["data.nonSpecialistReason"]![0]!.GetValue<string>());
        Assert.Equal("open", still!["summary"]!["status"]!.GetValue<string>());

        var (allocated, body) = await _api.AllocateAsync("INV-IMG", girl, "2026-02-20T12:00:00Z", "N-CID", "Both specialist teams closed to new work this week");
        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?audience=supervisor:N-CID&code=non-specialist-allocation");

        Assert.Equal(HttpStatusCode.Created, allocated);
        var alert = Assert.Single(alerts!.AsArray());
        Assert.Equal(girl, alert!["personId"]!.GetValue<string>());
        Assert.Contains("without specialist child abuse investigation", alert["reason"]!["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Girl_of_16_sexually_assaulted_at_work_is_allocated_to_the_specialist_team_with_no_reason_and_no_alert()
    {
        await _factory.AddTeamsAsync();
        var girl = await _api.CreatePersonAsync(A.Child("Mia", "Bakery").AgedYears(16).Build());
        await _api.OpenAsync("INV-BAK", girl, "2026-02-25T10:00:00Z", "sexual-assault");

        var (withReason, problem) = await _api.AllocateAsync("INV-BAK", girl, "2026-02-25T11:00:00Z", "N-CAIT", "Not needed");
        var (allocated, _) = await _api.AllocateAsync("INV-BAK", girl, "2026-02-25T12:00:00Z", "N-CAIT");
        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?code=non-specialist-allocation");
        var (_, teams) = await _api.GetJsonAsync("/api/v1/teams/N-CAIT");

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "non-specialist-reason-not-needed"), (withReason, problem!["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, allocated);
        Assert.Empty(alerts!.AsArray());
        Assert.Equal(1, teams!["caseload"]!.GetValue<int>());
    }

    [Fact]
    public async Task Girl_of_15_at_risk_of_exploitation_left_40_days_without_supervision_is_overdue_on_her_teams_list_until_reviewed()
    {
        // "There was little supervisory oversight and, at the time of the inspection, the girl had not been spoken to by police."
        await _factory.AddTeamsAsync();
        var girl = await _api.CreatePersonAsync(A.Child("Tanya", "Oversight").AgedYears(15).Build());
        await _api.PostJsonAsync($"/api/v1/people/{girl}/flags", new { code = "cse-risk", reason = "Met an older man for sex in return for drugs and money" });
        await _api.OpenAsync("INV-CSE", girl, "2026-01-21T10:00:00Z", "sexual-activity");

        var (noCse, problem) = await _api.AllocateAsync("INV-CSE", girl, "2026-01-21T12:00:00Z", "E-CAIT");
        var (allocated, _) = await _api.AllocateAsync("INV-CSE", girl, "2026-01-21T12:00:00Z", "N-CAIT");
        var (_, overdue) = await _api.GetJsonAsync("/api/v1/investigations/reviews?team=N-CAIT");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={girl}&code=supervisory-review&status=overdue");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noCse);
        Assert.Contains("child sexual exploitation", problem!["errors"]!["data.nonSpecialistReason"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, allocated);
        Assert.Equal(["INV-CSE"], InvestigationApi.Ids(overdue));
        Assert.Equal("overdue", overdue![0]!["reviewState"]!.GetValue<string>());
        Assert.Single(tasks!.AsArray());

        var (reviewed, _) = await _api.ReviewAsync("INV-CSE", girl, "2026-03-02T08:30:00Z");
        var (_, after) = await _api.GetJsonAsync("/api/v1/investigations/reviews?team=N-CAIT");
        var (_, investigation) = await _api.GetJsonAsync("/api/v1/investigations/INV-CSE");

        Assert.Equal(HttpStatusCode.Created, reviewed);
        Assert.Empty(after!.AsArray());
        // 28 days on at the same London time: 08:30 BST on 30 March, after the clocks go forward.
        Assert.Equal("2026-03-30T07:30:00+00:00", investigation!["summary"]!["reviewDueAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Equal(["Achieving best evidence interview"], investigation["nextActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Reviews_due_are_listed_by_team_day_27_and_28_due_day_29_overdue_and_a_review_resets_the_clock()
    {
        await _factory.AddTeamsAsync();
        async Task<string> OpenAsync(string id, string at)
        {
            var child = await _api.CreatePersonAsync(A.Child("Ira", "Review" + id[^1]).Build());
            await _api.OpenAsync(id, child, at, "neglect");
            await _api.AllocateAsync(id, child, at, "N-CID");
            return child;
        }
        await OpenAsync("INV-A", "2026-02-03T10:00:00Z"); // day 27: due tomorrow at 10:00
        await OpenAsync("INV-B", "2026-02-02T09:30:00Z"); // day 28: due at 09:30 today, not yet overdue
        await OpenAsync("INV-C", "2026-02-01T10:00:00Z"); // day 29: overdue since yesterday
        await OpenAsync("INV-D", "2026-02-20T10:00:00Z"); // due in 18 days
        var e = await OpenAsync("INV-E", "2026-01-20T10:00:00Z");
        await _api.ReviewAsync("INV-E", e, "2026-02-25T10:00:00Z"); // the review moved its next one to 25 March

        var (_, rows) = await _api.GetJsonAsync("/api/v1/investigations/reviews?team=N-CID");
        var (_, none) = await _api.GetJsonAsync("/api/v1/investigations/reviews?team=N-CAIT");
        var (_, bad) = await _api.GetJsonAsync("/api/v1/investigations/reviews?dueWithinDays=-1");

        Assert.Equal(["INV-C", "INV-B", "INV-A"], InvestigationApi.Ids(rows));
        Assert.Equal(["overdue", "due", "due"], rows!.AsArray().Select(r => r!["reviewState"]!.GetValue<string>()));
        Assert.Empty(none!.AsArray());
        Assert.Equal("validation-failed", bad!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Boy_of_11_with_possible_physical_abuse_is_reviewed_and_closed_only_with_the_outcome_and_whether_he_was_told()
    {
        // "The boy was spoken to sensitively by officers and there was good supervisory oversight while the matter was investigated."
        await _factory.AddTeamsAsync();
        var boy = await _api.CreatePersonAsync(A.Child("Leo", "Teachers").AgedYears(11).Build());
        await _api.OpenAsync("INV-PHY", boy, "2026-02-10T10:00:00Z", "assault");
        var (allocated, _) = await _api.AllocateAsync("INV-PHY", boy, "2026-02-10T11:00:00Z", "N-CID");
        await _api.ReviewAsync("INV-PHY", boy, "2026-02-24T10:00:00Z");

        var (refused, problem) = await _api.InvestigationEventAsync("close-bare", "investigation-closed", "2026-03-01T10:00:00Z", boy, new { investigationId = "INV-PHY" });
        var (_, stillOpen) = await _api.GetJsonAsync("/api/v1/investigations/INV-PHY");
        var (closed, _) = await _api.InvestigationEventAsync("close-full", "investigation-closed", "2026-03-01T10:00:00Z", boy, new
        {
            investigationId = "INV-PHY", outcomeForChild = "No abuse: a health condition was diagnosed; support plan agreed with school and GP",
            childInformed = true, howInformed = "Told at home by the officer in the case with his social worker",
        });
        var (afterClose, late) = await _api.ReviewAsync("INV-PHY", boy, "2026-03-02T08:00:00Z");
        var (_, list) = await _api.GetJsonAsync("/api/v1/investigations?status=closed");
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={boy}&code=supervisory-review");

        Assert.Equal(HttpStatusCode.Created, allocated); // no specialist skill is needed for an assault
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "missing-outcome-for-child"), (refused, problem!["code"]!.GetValue<string>()));
        Assert.Equal("allocated", stillOpen!["summary"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, closed);
        Assert.Equal((HttpStatusCode.Conflict, "illegal-transition"), (afterClose, late!["code"]!.GetValue<string>()));
        Assert.Equal(["INV-PHY"], InvestigationApi.Ids(list!["items"]));
        Assert.Empty(tasks!.AsArray()); // the review due after the last one is no longer needed once closed
    }

    [Fact]
    public async Task Through_the_api_a_review_without_what_was_checked_or_a_close_without_how_the_child_was_told_is_refused_as_on_the_pages()
    {
        // The pages ask for these; a system calling the API may not skip them (I2, B3).
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Seren", "Emptyreview").AgedYears(9).Build());
        await _api.OpenAsync("INV-BARE", child, "2026-02-10T10:00:00Z", "neglect");

        var (bareReview, p1) = await _api.InvestigationEventAsync("review-bare", "supervisory-review", "2026-02-24T10:00:00Z", child,
            new { investigationId = "INV-BARE", nextActions = new[] { " " } });
        var (_, tasks) = await _api.GetJsonAsync($"/api/v1/tasks?personId={child}&code=supervisory-review");
        var (closeWithoutHow, p2) = await _api.InvestigationEventAsync("close-no-how", "investigation-closed", "2026-03-01T10:00:00Z", child,
            new { investigationId = "INV-BARE", outcomeForChild = "Neglect addressed through a child in need plan", childInformed = false });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "supervisory-review-incomplete"), (bareReview, p1!["code"]!.GetValue<string>()));
        Assert.Equal(["data.checked", "data.nextActions"], p1["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Single(tasks!.AsArray()); // the review due is still open: nothing was recorded
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "missing-outcome-for-child"), (closeWithoutHow, p2!["code"]!.GetValue<string>()));
        Assert.Equal("Say why the child was not told.", p2["errors"]!["data.howInformed"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync("/api/v1/events/review-bare")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync("/api/v1/events/close-no-how")).Status);
    }

    [Fact]
    public async Task Events_naming_an_unknown_team_or_an_investigation_never_opened_are_refused_and_nothing_is_stored()
    {
        await _factory.AddTeamsAsync();
        var child = await _api.CreatePersonAsync(A.Child("Noel", "Nowhere").Build());

        var (unknownInvestigation, p1) = await _api.AllocateAsync("INV-NONE", child, "2026-02-20T12:00:00Z", "N-CAIT");
        await _api.OpenAsync("INV-REAL", child, "2026-02-20T10:00:00Z", "neglect");
        var (unknownTeam, p2) = await _api.AllocateAsync("INV-REAL", child, "2026-02-20T12:00:00Z", "NOWHERE");
        var (reopened, p3) = await _api.InvestigationEventAsync("open-again", "investigation-opened", "2026-02-21T10:00:00Z", child, new { investigationId = "INV-REAL" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-investigation"), (unknownInvestigation, p1!["code"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-team"), (unknownTeam, p2!["code"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Conflict, "illegal-transition"), (reopened, p3!["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync("/api/v1/investigations/INV-NONE")).Status);
    }

    [Fact]
    public async Task Administrators_change_a_teams_skills_and_capacity_and_bad_input_or_other_roles_change_nothing()
    {
        await _factory.AddTeamsAsync();
        var officer = await _factory.ApiAsAsync("officer");
        var partner = await _factory.ApiAsAsync("partner-practitioner", organisation: null);

        var (changed, team) = await _api.PutJsonAsync("/api/v1/teams/N-CID", new { capacity = 30, skills = new[] { "high-tech-crime", "child-abuse" } });
        var (badSkill, p1) = await _api.PutJsonAsync("/api/v1/teams/N-CID", new { capacity = 30, skills = new[] { "karate" } });
        var (badCapacity, _) = await _api.PutJsonAsync("/api/v1/teams/N-CID", new { capacity = 5000, skills = Array.Empty<string>() });
        var (forbidden, _) = await officer.PutJsonAsync("/api/v1/teams/N-CID", new { capacity = 1, skills = Array.Empty<string>() });
        var (missing, _) = await _api.PutJsonAsync("/api/v1/teams/NOPE", new { capacity = 1, skills = Array.Empty<string>() });
        var (partnerReads, _) = await partner.GetJsonAsync("/api/v1/investigations");
        var (_, after) = await _api.GetJsonAsync("/api/v1/teams/N-CID");

        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(["child-abuse", "high-tech-crime"], team!["skills"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "validation-failed"), (badSkill, p1!["code"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, badCapacity);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.Forbidden, partnerReads);
        Assert.Equal(30, after!["capacity"]!.GetValue<int>());
    }
}
