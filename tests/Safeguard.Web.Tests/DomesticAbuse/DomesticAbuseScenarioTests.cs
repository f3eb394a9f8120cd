using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.DomesticAbuse;

/// <summary>The inspection report's domestic abuse cases played through the API (H1, H3, DA1–DA3, DA5): high-risk
/// families referred to the MARAC, whose children were not recorded as victims in their own right, and MARAC
/// cases whose actions must be owned and tracked.</summary>
public sealed class DomesticAbuseScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public DomesticAbuseScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    internal static Dictionary<string, object?> Answers(int yes, int notKnown = 0) =>
        Enumerable.Range(1, 27).ToDictionary(n => $"q{n}", n => n <= yes ? (object?)true : n <= yes + notKnown ? "not-known" : false);

    private Task<JsonNode> DashAsync(string id, string victim, string suspect, string at, int yes, string? judgement = null) => _api.RecordAsync(new
    {
        id, type = "dash", occurredAt = at,
        people = new[] { new { personId = victim, role = "victim" }, new { personId = suspect, role = "suspect" } },
        data = new Dictionary<string, object?>
        {
            ["answers"] = Answers(yes), ["professionalJudgement"] = judgement, ["victimRiskView"] = "high",
            ["victimAssessment"] = "She says he will kill her if she leaves",
        }.Where(kv => kv.Value is not null).ToDictionary(),
    });

    private Task<JsonNode> IncidentAsync(string id, string victim, string suspect, string at, params (string Child, string Demeanour)[] children) => _api.RecordAsync(new
    {
        id, type = "incident", occurredAt = at,
        people = new[] { new { personId = victim, role = "victim" }, new { personId = suspect, role = "suspect" } }
            .Concat(children.Select(c => new { personId = c.Child, role = "child" })),
        data = new
        {
            classifications = new[] { "domestic-abuse" }, summary = "Argument, plates thrown", riskGrade = "high",
            children = children.Select(c => new { personId = c.Child, demeanour = c.Demeanour, seenAndSpokenTo = true }),
        },
    });

    private Task<JsonNode> MaracReferralAsync(string id, string victim, string at) => _api.RecordAsync(new
    {
        id, type = "referral", occurredAt = at, people = new[] { new { personId = victim, role = "victim" } },
        data = new { to = "LA-DEVON", kind = "marac", reason = "High risk on the DASH" },
    });

    private async Task<JsonNode> TaskAsync(string person, string code)
    {
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{person}/profile");
        return profile!["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == code)!;
    }

    [Fact]
    public async Task A_high_risk_family_dash_is_referred_heard_at_marac_and_the_case_shows_referral_dash_meeting_and_owned_actions()
    {
        var mother = await _api.CreatePersonAsync(A.Adult("Kerry", "Dashvictim").Build());
        var father = await _api.CreatePersonAsync(A.Adult("Wayne", "Dashsuspect").Build());
        var boy = await _api.CreatePersonAsync(A.Child("Tyler", "Dashvictim").AgedYears(7).Build());

        await IncidentAsync("da-inc-1", mother, father, "2026-02-28T22:00:00Z", (boy, "Hiding upstairs, crying, would not come down"));
        // Sunday 1 March: the referral is due by the end of Monday 2 March (DA1.maracReferralWorkingDays 1); the clock reads 09:00 that Monday.
        var dash = await DashAsync("dash-1", mother, father, "2026-03-01T10:00:00Z", yes: 15);

        Assert.Contains("da-high-risk", dash["outputs"]!["flags"].Codes());
        Assert.Contains("marac-referral", dash["outputs"]!["tasks"].Codes());
        Assert.Equal("open", (await TaskAsync(mother, "marac-referral"))["status"]!.GetValue<string>());

        await MaracReferralAsync("marac-ref-1", mother, "2026-03-01T15:00:00Z");
        Assert.Equal("done", (await TaskAsync(mother, "marac-referral"))["status"]!.GetValue<string>());

        await _api.RecordAsync(new
        {
            id = "marac-meeting-1", type = "meeting", occurredAt = "2026-03-02T08:30:00Z",
            people = new[] { new { personId = mother, role = "victim" }, new { personId = boy, role = "child" } },
            data = new
            {
                kind = "marac", invitedAgencies = new[] { "police", "IDVA", "children's social care", "housing" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS",
                decisions = new object[]
                {
                    new { text = "Fit a panic alarm at the home", owner = "police", dueDate = "2026-03-05" },
                    new { text = "Joint home visit with children's social care to see Tyler", owner = "LA-DEVON", dueDate = "2026-03-03" },
                },
            },
        });

        var (status, marac) = await _api.GetJsonAsync("/api/v1/cases/marac/marac-ref-1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("heard", marac!["status"]!.GetValue<string>());
        Assert.Equal("dash-1", marac["fields"]!["dashEventId"]!.GetValue<string>());
        Assert.Equal(15, marac["fields"]!["dashYesCount"]!.GetValue<int>());
        Assert.Equal(["marac-meeting-1"], marac["fields"]!["meetings"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal([father], marac["fields"]!["perpetrators"]!.AsArray().Select(p => p!.GetValue<string>()));

        var (_, meeting) = await _api.GetJsonAsync("/api/v1/cases/meeting/marac-meeting-1");
        var actions = meeting!["actions"]!.AsArray();
        Assert.Equal(["police", "LA-DEVON"], actions.Select(a => a!["owner"]!.GetValue<string>()));
        Assert.Equal(["open", "open"], actions.Select(a => a!["status"]!.GetValue<string>()));
        // Two days on, the visit due on 3 March is overdue on the MARAC case; the alarm, due on 5 March, is still open.
        _factory.Clock.Advance(TimeSpan.FromDays(2));
        (_, meeting) = await _api.GetJsonAsync("/api/v1/cases/meeting/marac-meeting-1");
        Assert.Equal(["open", "overdue"], meeting!["actions"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_victims_band_shows_on_the_profile_and_older_systems_yes_count_still_works()
    {
        var victim = await _api.CreatePersonAsync(A.Adult("Dee", "Bandvictim").Build());
        var suspect = await _api.CreatePersonAsync(A.Adult("Ray", "Bandsuspect").Build());
        var old = await _api.RecordAsync(new
        {
            id = "dash-old", type = "dash", occurredAt = "2026-01-05T10:00:00Z",
            people = new[] { new { personId = victim, role = "victim" } }, data = new { yesCount = 11 },
        });
        Assert.Empty(old["outputs"]!["tasks"]!.AsArray());
        var (_, before) = await _api.GetJsonAsync($"/api/v1/people/{victim}/profile");
        Assert.Equal("medium", before!["domesticAbuse"]!["band"]!.GetValue<string>());

        await DashAsync("dash-new", victim, suspect, "2026-02-05T10:00:00Z", yes: 4, judgement: "high");
        var (_, after) = await _api.GetJsonAsync($"/api/v1/people/{victim}/profile");
        var latest = after!["domesticAbuse"]!["dashes"]![0]!;
        Assert.Equal("high", after["domesticAbuse"]!["band"]!.GetValue<string>());
        Assert.True(latest["raisedByJudgement"]!.GetValue<bool>());
        Assert.Equal("She says he will kill her if she leaves", latest["victimAssessment"]!.GetValue<string>());
        Assert.Equal("high", latest["victimRiskView"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_dash_is_refused_and_nothing_is_stored()
    {
        var victim = await _api.CreatePersonAsync(A.Adult().Build());
        var body = new { id = "dash-empty", type = "dash", occurredAt = "2026-02-05T10:00:00Z", people = new[] { new { personId = victim, role = "victim" } }, data = new { answers = new { } } };

        var (status, problem) = await _api.PostJsonAsync("/api/v1/events", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("empty-dash", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["data.answers"] ?? problem["errors"]!["answers"]);
        var (missing, _) = await _api.GetJsonAsync("/api/v1/events/dash-empty");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task A_dash_answer_outside_the_checklist_is_a_validation_problem()
    {
        var victim = await _api.CreatePersonAsync(A.Adult().Build());
        var (status, problem) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "dash-bad", type = "dash", occurredAt = "2026-02-05T10:00:00Z", people = new[] { new { personId = victim, role = "victim" } },
            data = new { answers = new { q1 = true, q28 = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_third_incident_in_a_year_makes_the_victim_high_risk_and_a_new_incident_after_the_referral_is_a_repeat_marac_case()
    {
        var victim = await _api.CreatePersonAsync(A.Adult("Lisa", "Repeatvictim").Build());
        var suspect = await _api.CreatePersonAsync(A.Adult("Carl", "Repeatsuspect").Build());

        var first = await IncidentAsync("rep-1", victim, suspect, "2025-03-10T21:00:00Z");
        var second = await IncidentAsync("rep-2", victim, suspect, "2025-08-10T21:00:00Z");
        var third = await IncidentAsync("rep-3", victim, suspect, "2025-11-10T21:00:00Z");
        Assert.DoesNotContain("marac-referral", first["outputs"]!["tasks"].Codes());
        Assert.DoesNotContain("marac-referral", second["outputs"]!["tasks"].Codes());
        Assert.Contains("marac-referral", third["outputs"]!["tasks"].Codes());
        Assert.Contains("da-high-risk", third["outputs"]!["flags"].Codes());

        await MaracReferralAsync("rep-marac", victim, "2025-11-12T10:00:00Z");
        var again = await IncidentAsync("rep-4", victim, suspect, "2026-02-14T23:00:00Z");

        var alert = again["outputs"]!["alerts"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "repeat-marac")!;
        Assert.Contains("repeat MARAC case", alert["reason"]!["explanation"]!.GetValue<string>());
        Assert.Contains("Carl Repeatsuspect", alert["reason"]!["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_child_in_a_domestic_abuse_household_has_their_own_record_observations_and_the_households_flag_history()
    {
        var mother = await _api.CreatePersonAsync(A.Adult("Nina", "Household").Build());
        var father = await _api.CreatePersonAsync(A.Adult("Rob", "Household").Build());
        var girl = await _api.CreatePersonAsync(A.Child("Mia", "Household").AgedYears(4).Build());

        await IncidentAsync("hh-1", mother, father, "2026-02-20T22:00:00Z", (girl, "Silent, flinched when her father shouted"));
        await DashAsync("hh-dash", mother, father, "2026-02-21T10:00:00Z", yes: 18);

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");
        var household = Assert.Single(profile!["domesticAbuse"]!["households"]!.AsArray())!;
        Assert.Equal("hh-1", household["eventId"]!.GetValue<string>());
        Assert.Equal("Silent, flinched when her father shouted", household["demeanour"]!.GetValue<string>());
        Assert.True(household["seenAndSpokenTo"]!.GetValue<bool>());
        var motherThere = household["adults"]!.AsArray().Single(a => a!["personId"]!.GetValue<string>() == mother)!;
        var flag = motherThere["flags"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == "da-high-risk")!;
        Assert.Equal("suggested", flag["history"]![0]!["status"]!.GetValue<string>());
        Assert.Contains("Nina Household", flag["history"]![0]!["reason"]!.GetValue<string>());
    }
}
