using System.Net;
using System.Text.Json.Nodes;
using Safeguard.Core.Cases;
using Safeguard.Core.Work;
using Safeguard.TestKit;
using static Safeguard.Web.Tests.Supervision.SupervisionTestData;

namespace Safeguard.Web.Tests.Supervision;

/// <summary>The supervisor's workbench: their team's open cases against capacity, overdue reviews, tasks and meeting
/// actions, queues and open alerts, leaving out other teams' work, closed items and people the reader may not see.</summary>
public sealed class SupervisorWorkbenchTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public SupervisorWorkbenchTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<JsonNode> WorkbenchAsync(string query = "")
    {
        var supervisor = await _factory.ApiAsAsync("supervisor", "N-CAIT");
        var (status, body) = await supervisor.GetJsonAsync("/api/v1/supervisor-workbench" + query);
        Assert.True(status == HttpStatusCode.OK, $"{status}: {body}");
        return body!;
    }

    private static IReadOnlyList<string> ListNames(JsonNode bench, string list) =>
        bench["lists"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == list)!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();

    private Task OpenInvestigationAsync(string id, string child, string team) =>
        EventAsync(_api, id, "investigation-opened", "2026-02-20T10:00:00Z", team, child, new { investigationId = id, offenceTypes = new[] { "assault" }, team });

    [Fact]
    public async Task The_teams_open_cases_are_counted_against_its_capacity_and_closed_cases_and_other_teams_are_not()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Aled", "Caseload");
        foreach (var id in new[] { "INV-1", "INV-2", "INV-3", "INV-4" }) await OpenInvestigationAsync(id, child, "N-CAIT");
        await OpenInvestigationAsync("INV-S1", child, "S-CAIT");
        await EventAsync(_api, "close-inv-4", "investigation-closed", "2026-02-28T10:00:00Z", "N-CAIT", child,
            new { investigationId = "INV-4", outcomeForChild = "No further action; support from school", childInformed = true, howInformed = "In person" });

        var bench = await WorkbenchAsync();

        var caseload = bench["caseloads"]!.AsArray().Single()!;
        Assert.Equal("N-CAIT", caseload["team"]!.GetValue<string>());
        Assert.Equal(3, caseload["openCases"]!.GetValue<int>());
        Assert.Equal(2, caseload["capacity"]!.GetValue<int>());
        Assert.True(caseload["overCapacity"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Overdue_meeting_actions_of_the_team_are_listed_and_done_other_teams_and_restricted_ones_are_not()
    {
        await AddForceAsync(_factory);
        var overdue = await ChildAsync(_api, "Bethan", "Overdueaction");
        var done = await ChildAsync(_api, "Caio", "Doneaction");
        var south = await ChildAsync(_api, "Delyth", "Southaction");
        var hidden = await ChildAsync(_api, "Elis", "Hiddenaction");
        object Discussion(string status) => new
        {
            agencies = new[] { "police", "social-care" }, section47 = true,
            decisions = new[] { new { text = "Joint visit with the social worker", owner = "N-CAIT", dueDate = "2026-02-27", status } },
        };
        await EventAsync(_api, "sd-bethan", "strategy-discussion", "2026-02-25T10:00:00Z", "N-CAIT", overdue, Discussion("open"));
        await EventAsync(_api, "sd-caio", "strategy-discussion", "2026-02-25T10:00:00Z", "N-CAIT", done, Discussion("done"));
        await EventAsync(_api, "sd-delyth", "strategy-discussion", "2026-02-25T10:00:00Z", "S-CAIT", south, Discussion("open"));
        await EventAsync(_api, "sd-elis", "strategy-discussion", "2026-02-25T10:00:00Z", "N-CAIT", hidden, Discussion("open"));
        await RestrictAsync(_factory, hidden);

        var bench = await WorkbenchAsync();

        Assert.Equal(["Bethan Overdueaction"], ListNames(bench, "actions"));
        var row = bench["lists"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "actions")!["items"]![0]!;
        Assert.Equal("meeting", row["caseType"]!.GetValue<string>());
        Assert.Equal("sd-bethan", row["caseId"]!.GetValue<string>());
        Assert.Equal("Northmoor child abuse investigation team", row["owner"]!.GetValue<string>());
    }

    [Fact]
    public async Task Overdue_reviews_and_tasks_queues_and_open_alerts_of_the_team_are_listed_and_acknowledged_or_other_teams_are_not()
    {
        await AddForceAsync(_factory);
        var child = await ChildAsync(_api, "Ffraid", "Teamwork", 14);
        var other = await ChildAsync(_api, "Gwion", "Otherteam", 14);
        await OpenInvestigationAsync("INV-F", child, "N-CAIT");
        await OpenInvestigationAsync("INV-G", other, "S-CAIT");
        // A CSE incident recorded by the team a week ago: its strategy discussion (due within a working day) is overdue.
        await IncidentAsync(_api, child, "2026-02-23T10:00:00Z", "N-CAIT", "cse");
        await IncidentAsync(_api, other, "2026-02-23T10:00:00Z", "S-CAIT", "cse");

        // Supervisory reviews (IN1) and the forensic queue are raised by rules and case types built on other branches;
        // the rows they will write are stored here as they will be, so that the workbench's reading of them is tested.
        using (var db = _factory.Db())
        {
            var childId = Guid.Parse(child);
            var otherId = Guid.Parse(other);
            WorkTask Review(Guid person, string eventId) => new()
            {
                Id = Guid.NewGuid(), PersonId = person, Code = "supervisory-review", DueAt = new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero),
                AssignedTo = "investigation", CreatedAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero), Rule = "IN1-supervisory-review",
                Explanation = "A supervisory review is due", EventIds = [eventId], Key = "review-" + eventId, EffectiveAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero),
            };
            db.Tasks.AddRange(Review(childId, "INV-F"), Review(otherId, "INV-G"));
            db.Alerts.AddRange(
                new Alert { Id = Guid.NewGuid(), PersonId = childId, Code = "non-specialist-allocation", Audience = "supervisor:N-CAIT", CreatedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), Rule = "I1", Explanation = "Allocated without the skill", Key = "a1", EffectiveAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) },
                new Alert { Id = Guid.NewGuid(), PersonId = childId, Code = "recording-gap", Audience = "supervisor:N-CAIT", CreatedAt = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), Rule = "B1", Explanation = "Acknowledged already", Key = "a2", EffectiveAt = new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero), AcknowledgedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), AcknowledgedBy = "user:someone" },
                new Alert { Id = Guid.NewGuid(), PersonId = otherId, Code = "non-specialist-allocation", Audience = "supervisor:S-CAIT", CreatedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), Rule = "I1", Explanation = "Other team", Key = "a3", EffectiveAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero) });
            db.Cases.AddRange(
                new Case { Type = CaseTypes.ForensicRequest, Id = "FR-1", Stream = "forensic-request:FR-1", Status = "open", OpenedAt = new DateTimeOffset(2026, 2, 20, 9, 0, 0, TimeSpan.Zero), Team = "N-CAIT", People = [new() { CaseType = CaseTypes.ForensicRequest, CaseId = "FR-1", PersonId = childId, Role = "child" }] },
                new Case { Type = CaseTypes.ChargingFile, Id = "CF-1", Stream = "charging-file:CF-1", Status = "decided", OpenedAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero), ClosedAt = new DateTimeOffset(2026, 2, 25, 10, 0, 0, TimeSpan.Zero), Team = "N-CAIT", People = [new() { CaseType = CaseTypes.ChargingFile, CaseId = "CF-1", PersonId = childId, Role = "child" }] },
                new Case { Type = CaseTypes.ChargingFile, Id = "CF-S", Stream = "charging-file:CF-S", Status = "open", OpenedAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero), Team = "S-CAIT", People = [new() { CaseType = CaseTypes.ChargingFile, CaseId = "CF-S", PersonId = otherId, Role = "child" }] });
            await db.SaveChangesAsync();
        }

        var bench = await WorkbenchAsync();

        Assert.Equal(["Ffraid Teamwork"], ListNames(bench, "reviews"));
        Assert.Contains("Ffraid Teamwork", ListNames(bench, "tasks"));
        Assert.DoesNotContain("Gwion Otherteam", ListNames(bench, "tasks"));
        Assert.Equal(["Ffraid Teamwork"], ListNames(bench, "queues"));
        var queue = bench["lists"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "queues")!["items"]![0]!;
        Assert.Equal("Digital forensic request, waiting 10 days", queue["what"]!.GetValue<string>());
        var alerts = bench["lists"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "alerts")!["items"]!.AsArray();
        Assert.Contains(alerts, a => a!["what"]!.GetValue<string>() == "Non specialist allocation" && a["name"]!.GetValue<string>() == "Ffraid Teamwork");
        Assert.DoesNotContain(alerts, a => a!["what"]!.GetValue<string>() == "Recording gap");
        Assert.DoesNotContain(alerts, a => a!["name"]!.GetValue<string>() == "Gwion Otherteam");
    }

    [Fact]
    public async Task A_long_list_comes_a_page_at_a_time_with_its_true_total()
    {
        await AddForceAsync(_factory);
        foreach (var name in new[] { "Ama", "Bea", "Cai" })
        {
            var child = await ChildAsync(_api, name, "Pagedaction");
            await EventAsync(_api, $"sd-{name}", "strategy-discussion", "2026-02-25T10:00:00Z", "N-CAIT", child, new
            {
                agencies = new[] { "police" }, section47 = false,
                decisions = new[] { new { text = "Check attendance", owner = "N-CAIT", dueDate = "2026-02-27" } },
            });
        }

        var second = await WorkbenchAsync("?pageSize=2&page=2");

        var actions = second["lists"]!.AsArray().Single(l => l!["key"]!.GetValue<string>() == "actions")!;
        Assert.Equal(3, actions["total"]!.GetValue<int>());
        Assert.Single(actions["items"]!.AsArray());
        var supervisor = await _factory.ApiAsAsync("supervisor", "N-CAIT");
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetJsonAsync("/api/v1/supervisor-workbench?pageSize=0")).Status);
    }

    [Fact]
    public async Task Officers_may_not_open_the_workbench_and_a_team_outside_the_bcu_is_refused()
    {
        await AddForceAsync(_factory);
        var officer = await _factory.ApiAsAsync("officer", "N-RESP");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetJsonAsync("/api/v1/supervisor-workbench")).Status);
        var supervisor = await _factory.ApiAsAsync("supervisor", "N-CAIT");
        var (status, body) = await supervisor.GetJsonAsync("/api/v1/supervisor-workbench?team=S-CAIT");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
    }
}
