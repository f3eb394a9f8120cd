using System.Net;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.DomesticAbuse;

/// <summary>The DASH checklist, MARAC referral and MARAC case pages (H1, DA1–DA3, H3), used as an officer would.</summary>
public sealed class DomesticAbusePagesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public DomesticAbusePagesTests()
    {
        _api = _factory.Api();
        using var db = _factory.Db();
        db.Organisations.Add(new PartnerOrganisation { Code = "LA-TST", Name = "Testshire County Council children's social care", Kind = "social-care" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    private static List<KeyValuePair<string, string>> DashAnswers(int yes, string judgement = "none")
    {
        var fields = Enumerable.Range(1, 27).Select(n => new KeyValuePair<string, string>($"Answers[q{n}]", n <= yes ? "yes" : n == 27 ? "not-known" : "no")).ToList();
        fields.AddRange([new("ProfessionalJudgement", judgement), new("VictimRiskView", "high"), new("VictimAssessment", "Frightened he will come back tonight"),
            new("CompletedAt.Day", "1"), new("CompletedAt.Month", "3"), new("CompletedAt.Year", "2026"), new("CompletedAt.Hour", "14"), new("CompletedAt.Minute", "30")]);
        return fields;
    }

    [Fact]
    public async Task A_dash_with_fourteen_yes_is_checked_recorded_and_offers_the_marac_referral_which_closes_the_task()
    {
        var victim = await _api.CreatePersonAsync(A.Adult("Zoë", "Pagevictim").Build());
        var suspect = await _api.CreatePersonAsync(A.Adult("Gary", "Pagesuspect").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.ContinueAsync($"/domestic-abuse/dash?personId={victim}&suspectId={suspect}", DashAnswers(14));
        Assert.True(await check.IsCheckPageAsync());
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("14 “yes”, 12 “no”, 1 not known", checkHtml);
        Assert.Contains("high risk", checkHtml);

        var recorded = await (await page.FormOnAsync(check, "Record checklist")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, confirmation) = await page.GetAsync(recorded.Headers.Location!.OriginalString);
        Assert.Contains("DASH risk checklist recorded", confirmation);
        Assert.Contains("Refer to the MARAC now", confirmation);
        Assert.Contains("MARAC referral", confirmation);

        var referralCheck = await page.ContinueAsync($"/domestic-abuse/marac-referral?personId={victim}",
            [new("Area", "LA-TST"), new("Reason", "DASH 14 yes; she fears he will return"), new("ReferredAt.Day", "1"), new("ReferredAt.Month", "3"),
             new("ReferredAt.Year", "2026"), new("ReferredAt.Hour", "16"), new("ReferredAt.Minute", "00")]);
        Assert.True(await referralCheck.IsCheckPageAsync());
        Assert.Contains("Testshire County Council children&#x27;s social care", await referralCheck.Content.ReadAsStringAsync());
        var referred = await (await page.FormOnAsync(referralCheck, "Record referral")).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);

        var (_, maracHtml) = await page.GetAsync($"/domestic-abuse/marac/{victim}");
        var marac = WebUtility.HtmlDecode(maracHtml);
        Assert.Contains("data-testid=\"marac-case\"", marac);
        Assert.Contains("Referred, waiting to be heard", marac);
        Assert.Contains("14 “yes”, high risk", marac);
        Assert.Contains("Done", marac); // the referral task is done
        var (_, profile) = await page.GetAsync($"/people/{victim}");
        Assert.Contains("data-testid=\"da-band\"", profile);
        Assert.Contains("high risk", profile);
    }

    [Fact]
    public async Task Thirteen_yes_is_medium_risk_and_raises_no_referral()
    {
        var victim = await _api.CreatePersonAsync(A.Adult("Una", "Mediumvictim").Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var check = await page.ContinueAsync($"/domestic-abuse/dash?personId={victim}&noSuspect=true", DashAnswers(13));
        Assert.Contains("medium risk", await check.Content.ReadAsStringAsync());
        var recorded = await (await page.FormOnAsync(check, "Record checklist")).SubmitAsync();
        var (_, confirmation) = await page.GetAsync(recorded.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Refer to the MARAC now", confirmation);
        Assert.Contains("No new tasks", confirmation);
    }

    [Fact]
    public async Task An_empty_dash_is_refused_on_the_page_with_gov_uk_errors_and_nothing_is_recorded()
    {
        var victim = await _api.CreatePersonAsync(A.Adult().Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var refused = await page.ContinueAsync($"/domestic-abuse/dash?personId={victim}&noSuspect=true",
            [new("CompletedAt.Day", "1"), new("CompletedAt.Month", "3"), new("CompletedAt.Year", "2026"), new("CompletedAt.Hour", "10"), new("CompletedAt.Minute", "00")]);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.False(await refused.IsCheckPageAsync());
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("none are answered yet", html);
        Assert.Contains("href=\"#Answers_q1_\"", html);
        Assert.Contains("Say how the victim sees their own risk", html);
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{victim}/profile");
        Assert.Empty(profile!["domesticAbuse"]!["dashes"]!.AsArray());
    }

    [Fact]
    public async Task A_partly_answered_dash_names_each_unanswered_question()
    {
        var victim = await _api.CreatePersonAsync(A.Adult().Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var answers = DashAnswers(5).Where(kv => kv.Key is not ("Answers[q7]" or "Answers[q20]")).ToList();

        var refused = await page.ContinueAsync($"/domestic-abuse/dash?personId={victim}&noSuspect=true", answers);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Contains("Answer question 7: yes, no or not known", html);
        Assert.Contains("Answer question 20: yes, no or not known", html);
        Assert.DoesNotContain("Answer question 8:", html);
    }

    [Fact]
    public async Task The_marac_case_page_shows_meetings_and_their_actions_with_owners_and_state()
    {
        var victim = await _api.CreatePersonAsync(A.Adult("Jo", "Maracpage").Build());
        await _api.RecordAsync(new
        {
            id = "mp-ref", type = "referral", occurredAt = "2026-02-10T10:00:00Z", people = new[] { new { personId = victim, role = "victim" } },
            data = new { to = "LA-TST", kind = "marac", reason = "Professional judgement: high risk" },
        });
        await _api.RecordAsync(new
        {
            id = "mp-meet", type = "meeting", occurredAt = "2026-02-20T10:00:00Z", people = new[] { new { personId = victim, role = "victim" } },
            data = new
            {
                kind = "marac", invitedAgencies = new[] { "police", "IDVA" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS",
                decisions = new object[] { new { text = "IDVA to contact Jo within two days", owner = "IDVA", dueDate = "2026-02-22" } },
            },
        });
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (status, html) = await page.GetAsync($"/domestic-abuse/marac/{victim}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Heard at a MARAC meeting", html);
        Assert.Contains("Testshire County Council", html);
        Assert.Contains("IDVA to contact Jo within two days", html);
        Assert.Contains("Overdue", html);
        Assert.Contains("No DASH recorded before the referral", html);
    }

    [Fact]
    public async Task Recording_a_domestic_abuse_incident_offers_the_dash_with_the_victim_and_the_suspect_already_chosen()
    {
        var mother = await _api.CreatePersonAsync(A.Adult("Fern", "Incidentdash").Build());
        var father = await _api.CreatePersonAsync(A.Adult("Glen", "Incidentdash").Build());
        var child = await _api.CreatePersonAsync(A.Child("Hope", "Incidentdash").AgedYears(8).Build());
        var page = await PageSignIn.AsAsync(_factory, "officer");
        var people = (await page.Client.GetAsync("/record/domestic-abuse/start")).Headers.Location!.OriginalString;
        var journey = people[..people.LastIndexOf('/')];
        foreach (var (person, role) in new[] { (mother, "victim"), (father, "suspect"), (child, "child") })
            await page.Client.GetAsync($"{people}?personId={person}&role={role}");

        await page.SubmitAsync(people, "Continue");
        await page.SubmitAsync($"{journey}/incident", "Continue", [new("OccurredAt.Day", "1"), new("OccurredAt.Month", "3"), new("OccurredAt.Year", "2026"),
            new("OccurredAt.Hour", "22"), new("OccurredAt.Minute", "10"), new("Summary", "Neighbours heard screaming"), new("RiskGrade", "high")]);
        await page.SubmitAsync($"{journey}/child-1", "Continue", [new("Demeanour", "Hiding behind the sofa, shaking"), new("SeenAndSpokenTo", "yes")]);
        var submitted = await page.SubmitAsync($"{journey}/check", "Submit incident");
        var (_, confirmation) = await page.GetAsync(submitted.Headers.Location!.OriginalString);

        Assert.Contains("Ask Fern Incidentdash the DASH risk questions", confirmation);
        Assert.Contains($"/domestic-abuse/dash?personId={mother}&amp;suspectId={father}", confirmation);
        var (_, profile) = await page.GetAsync($"/people/{child}");
        Assert.Contains("Hiding behind the sofa, shaking", profile);
    }

    [Fact]
    public async Task A_child_in_a_domestic_abuse_household_shows_the_incident_and_adults_flags_on_their_profile()
    {
        var mother = await _api.CreatePersonAsync(A.Adult("Amy", "Hhpage").Build());
        var father = await _api.CreatePersonAsync(A.Adult("Ben", "Hhpage").Build());
        var child = await _api.CreatePersonAsync(A.Child("Cal", "Hhpage").AgedYears(6).Build());
        await _api.RecordAsync(new
        {
            id = "hhp-1", type = "incident", occurredAt = "2026-02-20T22:00:00Z",
            people = new[] { new { personId = mother, role = "victim" }, new { personId = father, role = "suspect" }, new { personId = child, role = "child" } },
            data = new { classifications = new[] { "domestic-abuse" }, summary = "Shouting heard by neighbours", riskGrade = "medium",
                children = new[] { new { personId = child, demeanour = "Quiet, holding his sister's hand", seenAndSpokenTo = true } } },
        });
        await _api.RecordAsync(new
        {
            id = "hhp-dash", type = "dash", occurredAt = "2026-02-21T10:00:00Z", people = new[] { new { personId = mother, role = "victim" } },
            data = new { answers = DomesticAbuseScenarioTests.Answers(16) },
        });
        var page = await PageSignIn.AsAsync(_factory, "officer");

        var (_, html) = await page.GetAsync($"/people/{child}");

        Assert.Contains("data-testid=\"da-household\"", html);
        Assert.Contains("Quiet, holding his sister&#x27;s hand", html);
        Assert.Contains("Amy Hhpage", html);
        Assert.Contains("Domestic abuse: high risk", html);
    }
}
