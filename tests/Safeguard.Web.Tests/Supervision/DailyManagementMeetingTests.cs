using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;
using static Safeguard.Web.Tests.Supervision.SupervisionTestData;

namespace Safeguard.Web.Tests.Supervision;

/// <summary>I8: the daily management meeting of a BCU lists exactly the last 24 hours' items of that BCU (or one chosen
/// day), each with its owner, leaves out older items, other BCUs' items, closed items and people the reader may not see,
/// and records decisions that land on the child's chronology.</summary>
public sealed class DailyManagementMeetingTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public DailyManagementMeetingTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<JsonNode> MeetingAsync(string query = "")
    {
        var supervisor = await _factory.ApiAsAsync("supervisor", "N-CAIT");
        var (status, body) = await supervisor.GetJsonAsync("/api/v1/daily-management-meeting" + query);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        return body!;
    }

    [Fact]
    public async Task Incidents_from_the_last_24_hours_of_the_bcu_are_listed_and_older_other_bcus_and_restricted_children_are_not()
    {
        await AddForceAsync(_factory);
        var onTheBoundary = await ChildAsync(_api, "Ailsa", "Boundary");
        var justBefore = await ChildAsync(_api, "Bryn", "Earlier");
        var south = await ChildAsync(_api, "Cerys", "Southside");
        var hidden = await ChildAsync(_api, "Dorian", "Restricted");
        var adult = await _api.CreatePersonAsync(A.Adult("Edwin", "Grownup").Build());
        await IncidentAsync(_api, onTheBoundary, "2026-03-01T09:00:00Z", "N-RESP");
        await IncidentAsync(_api, justBefore, "2026-03-01T08:59:59Z", "N-RESP");
        await IncidentAsync(_api, south, "2026-03-01T12:00:00Z", "S-RESP");
        await IncidentAsync(_api, hidden, "2026-03-01T12:00:00Z", "N-RESP");
        await _api.RecordAsync(new
        {
            id = "inc-adult", type = "incident", occurredAt = "2026-03-01T13:00:00Z", unit = "N-RESP",
            people = new[] { new { personId = adult, role = "victim" } }, data = new { classifications = new[] { "physical-abuse" } },
        });
        await RestrictAsync(_factory, hidden);

        // The supervisor's team is in Northmoor: that is the BCU shown when none is asked for.
        var meeting = await MeetingAsync();

        Assert.Equal("BCU-N", meeting["bcu"]!.GetValue<string>());
        Assert.Equal(["Ailsa Boundary"], SectionNames(meeting, "incidents"));
        var item = Item(meeting, "incidents", "Ailsa Boundary");
        Assert.Equal("Northmoor response", item["owner"]!.GetValue<string>());
        Assert.Contains("physical abuse", item["what"]!.GetValue<string>());
        Assert.DoesNotContain("Dorian", meeting.ToJsonString());

        // Reading the meeting is in the access log of each child on it (P2), and of nobody left off it.
        var (_, log) = await _api.GetJsonAsync($"/api/v1/audit?personId={onTheBoundary}");
        Assert.Contains(log!.AsArray(), row => row!["entity"]!.GetValue<string>() == "daily-management-meeting");
        var (_, hiddenLog) = await _api.GetJsonAsync($"/api/v1/audit?personId={justBefore}");
        Assert.DoesNotContain(hiddenLog!.AsArray(), row => row!["entity"]!.GetValue<string>() == "daily-management-meeting");

        var southMeeting = await MeetingAsync("?bcu=BCU-S");
        Assert.Equal(["Cerys Southside"], SectionNames(southMeeting, "incidents"));
    }

    [Fact]
    public async Task A_chosen_day_runs_midnight_to_midnight_uk_time()
    {
        await AddForceAsync(_factory);
        var late = await ChildAsync(_api, "Ffion", "Latenight");
        var early = await ChildAsync(_api, "Gethin", "Earlybird");
        await IncidentAsync(_api, late, "2026-02-27T23:30:00Z", "N-RESP");
        await IncidentAsync(_api, early, "2026-02-28T00:30:00Z", "N-RESP");

        var meeting = await MeetingAsync("?bcu=BCU-N&day=2026-02-27");

        Assert.Equal(["Ffion Latenight"], SectionNames(meeting, "incidents"));
        Assert.Empty(SectionNames(await MeetingAsync("?bcu=BCU-N"), "incidents"));
    }

    [Fact]
    public async Task Missing_and_found_children_and_those_still_missing_are_listed_but_an_episode_closed_earlier_is_not()
    {
        await AddForceAsync(_factory);
        var reported = await ChildAsync(_api, "Hana", "Reported");
        var found = await ChildAsync(_api, "Iolo", "Found");
        var still = await ChildAsync(_api, "Jana", "Stillout");
        var longAgo = await ChildAsync(_api, "Kit", "Longago");
        object Report(string lastSeen) => new { riskGrade = "high", reportedBy = "parent", lookedAfter = false, lastSeenAt = lastSeen };
        await EventAsync(_api, "mr-hana", "missing-reported", "2026-03-01T20:00:00Z", "N-MISS", reported, Report("2026-03-01T18:00:00Z"));
        await EventAsync(_api, "mr-iolo", "missing-reported", "2026-02-27T20:00:00Z", "N-MISS", found, Report("2026-02-27T18:00:00Z"));
        await EventAsync(_api, "ml-iolo", "missing-located", "2026-03-02T07:00:00Z", "N-RESP", found, new { missingEventId = "mr-iolo", locatedAt = "2026-03-02T07:00:00Z" });
        await EventAsync(_api, "mr-jana", "missing-reported", "2026-02-25T20:00:00Z", "N-MISS", still, Report("2026-02-25T18:00:00Z"));
        await EventAsync(_api, "mr-kit", "missing-reported", "2026-02-20T20:00:00Z", "N-MISS", longAgo, Report("2026-02-20T18:00:00Z"));
        await EventAsync(_api, "ml-kit", "missing-located", "2026-02-21T07:00:00Z", "N-RESP", longAgo, new { missingEventId = "mr-kit", locatedAt = "2026-02-21T07:00:00Z" });

        var meeting = await MeetingAsync();

        var names = SectionNames(meeting, "missing");
        Assert.Equal(["Hana Reported", "Iolo Found", "Jana Stillout"], names.Order().ToList());
        Assert.Equal("Reported missing, high risk", Item(meeting, "missing", "Hana Reported")["what"]!.GetValue<string>());
        Assert.Equal("Found", Item(meeting, "missing", "Iolo Found")["what"]!.GetValue<string>());
        Assert.Equal("Still missing", Item(meeting, "missing", "Jana Stillout")["what"]!.GetValue<string>());
        Assert.Equal("mr-iolo", Item(meeting, "missing", "Iolo Found")["caseId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Children_held_in_the_period_are_listed_and_one_released_before_it_is_not()
    {
        await AddForceAsync(_factory);
        var held = await ChildAsync(_api, "Lleu", "Heldnow", 16);
        var released = await ChildAsync(_api, "Mabli", "Releasedearlier", 16);
        await EventAsync(_api, "cd-lleu", "custody-detained", "2026-03-01T22:00:00Z", "N-CUST", held, new { custodyId = "CUS-L1", appropriateAdult = "Mother" }, "suspect");
        await EventAsync(_api, "cd-mabli", "custody-detained", "2026-02-27T10:00:00Z", "N-CUST", released, new { custodyId = "CUS-M1", appropriateAdult = "Father" }, "suspect");
        await EventAsync(_api, "cr-mabli", "custody-released", "2026-02-27T18:00:00Z", "N-CUST", released, new { custodyId = "CUS-M1" }, "suspect");

        var meeting = await MeetingAsync();

        Assert.Equal(["Lleu Heldnow"], SectionNames(meeting, "custody"));
        Assert.Equal("Northmoor custody", Item(meeting, "custody", "Lleu Heldnow")["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task Flags_high_risk_notifications_and_due_tasks_are_listed_with_owners_and_a_task_done_is_not()
    {
        await AddForceAsync(_factory);
        var cse = await ChildAsync(_api, "Nia", "Exploited", 14);
        var discussed = await ChildAsync(_api, "Osian", "Discussed", 14);
        var highRisk = await ChildAsync(_api, "Pryderi", "Highrisk");
        var south = await ChildAsync(_api, "Rhian", "Southcse", 14);
        // A CSE incident suggests cse-risk and raises a strategy discussion due within a working day (WT2).
        await IncidentAsync(_api, cse, "2026-03-01T15:00:00Z", "N-RESP", "cse");
        await IncidentAsync(_api, discussed, "2026-03-01T15:00:00Z", "N-RESP", "cse");
        await IncidentAsync(_api, south, "2026-03-01T15:00:00Z", "S-RESP", "cse");
        await EventAsync(_api, "sd-osian", "strategy-discussion", "2026-03-01T17:00:00Z", "N-MASH", discussed,
            new { agencies = new[] { "police", "social-care" }, section47 = true });
        await IncidentAsync(_api, highRisk, "2026-03-01T16:00:00Z", "N-RESP", "physical-abuse", "high");
        // DA1: 14 "yes" answers make the victim high risk; 13 do not.
        var victim = await _api.CreatePersonAsync(A.Adult("Tegan", "Dashvictim").Build());
        var lower = await _api.CreatePersonAsync(A.Adult("Ulla", "Mediumrisk").Build());
        await EventAsync(_api, "dash-tegan", "dash", "2026-03-01T16:30:00Z", "N-RESP", victim, new { yesCount = 14 }, "victim");
        await EventAsync(_api, "dash-ulla", "dash", "2026-03-01T16:30:00Z", "N-RESP", lower, new { yesCount = 13 }, "victim");

        var meeting = await MeetingAsync();

        Assert.Contains("Nia Exploited", SectionNames(meeting, "flags"));
        Assert.DoesNotContain("Rhian Southcse", SectionNames(meeting, "flags"));
        Assert.Contains("suggested", Item(meeting, "flags", "Nia Exploited")["what"]!.GetValue<string>());
        Assert.Equal(["Pryderi Highrisk", "Tegan Dashvictim"], SectionNames(meeting, "high-risk"));
        Assert.False(Item(meeting, "high-risk", "Tegan Dashvictim")["isChild"]!.GetValue<bool>());
        Assert.Equal("DASH: high risk, 14 questions answered yes", Item(meeting, "high-risk", "Tegan Dashvictim")["what"]!.GetValue<string>());
        // Osian's strategy discussion was held, so his task is done and not listed; Pryderi's high-grade abuse needs a strategy
        // discussion (WT2) and Tegan's DASH a MARAC referral (DA1), both due within the day.
        Assert.Equal(["Nia Exploited", "Pryderi Highrisk", "Tegan Dashvictim"], SectionNames(meeting, "tasks"));
        var task = Item(meeting, "tasks", "Nia Exploited");
        Assert.Contains("Strategy discussion", task["what"]!.GetValue<string>());
        Assert.Equal("MASH (multi-agency safeguarding hub)", task["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decision_recorded_through_the_api_is_on_the_childs_chronology_and_the_meeting_and_becomes_an_action()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Siân", "Decided");
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "dmm-sian", type = "dmm-decision", occurredAt = "2026-03-02T08:45:00Z", unit = "BCU-N",
            people = new[] { new { personId = child, role = "child" } },
            data = new { decisions = new[] { new { text = "Visit the child at school today", owner = "N-RESP", dueDate = "2026-03-02" } } },
        });
        Assert.True(status == HttpStatusCode.Created, $"{status}: {body}");

        var meeting = await MeetingAsync();
        var decision = meeting["decisions"]!.AsArray().Single()!;
        Assert.Equal("Siân Decided", decision["name"]!.GetValue<string>());
        Assert.Equal("Visit the child at school today", decision["text"]!.GetValue<string>());
        Assert.Equal("Northmoor response", decision["owner"]!.GetValue<string>());
        Assert.Empty(SectionNames(await MeetingAsync("?bcu=BCU-S"), "incidents"));
        Assert.Empty((await MeetingAsync("?bcu=BCU-S"))["decisions"]!.AsArray());

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        Assert.Contains(profile!["chronology"]!.AsArray(), e => e!["eventId"]!.GetValue<string>() == "dmm-sian" && e["type"]!.GetValue<string>() == "dmm-decision");

        var (_, meetingCase) = await _api.GetJsonAsync("/api/v1/cases/meeting/dmm-sian");
        Assert.Equal("daily-management", meetingCase!["fields"]!["kind"]!.GetValue<string>());
        Assert.Equal("Visit the child at school today", meetingCase["actions"]![0]!["text"]!.GetValue<string>());

        // Not done by its due date: the next day's meeting lists it as an overdue action.
        _factory.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await MeetingAsync();
        var action = Item(nextDay, "actions", "Siân Decided");
        Assert.True(action["overdue"]!.GetValue<bool>());
        Assert.Equal("Northmoor response", action["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decision_without_an_owner_is_refused_and_nothing_is_stored()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Tomos", "Noowner");
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "dmm-tomos", type = "dmm-decision", occurredAt = "2026-03-02T08:45:00Z", unit = "BCU-N",
            people = new[] { new { personId = child, role = "child" } },
            data = new { decisions = new[] { new { text = "Visit" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync("/api/v1/events/dmm-tomos")).Status);
    }

    [Fact]
    public async Task An_unknown_bcu_or_a_future_day_is_refused()
    {
        await AddForceAsync(_factory);
        var supervisor = await _factory.ApiAsAsync("supervisor", "N-CAIT");
        var (unknown, body) = await supervisor.GetJsonAsync("/api/v1/daily-management-meeting?bcu=BCU-X");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetJsonAsync("/api/v1/daily-management-meeting?bcu=BCU-N&day=2026-03-05")).Status);
    }
}
