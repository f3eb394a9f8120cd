using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Queues;

/// <summary>I3, I4 through the API, with the clock worker firing the timers: the inspection found digital forensic
/// examinations and charging decisions waiting far too long. A phone seized in a child sexual exploitation case waits
/// behind routine work unless the child's risk puts it first; files wait on the CPS with nobody noticing.</summary>
public sealed class QueueScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public QueueScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static object Event(string id, string type, string at, string child, object data, string role = "child") => new
    {
        id, type, occurredAt = at, people = new[] { new { personId = child, role } }, data,
    };

    private async Task AdvanceToAsync(string at)
    {
        _factory.Clock.Advance(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) - _factory.Clock.GetUtcNow());
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();
    }

    private async Task<List<Core.Work.Alert>> AlertsAsync(string child, string code)
    {
        await using var db = _factory.Db();
        return await db.Alerts.AsNoTracking().Where(a => a.PersonId == Guid.Parse(child) && a.Code == code && a.WithdrawnAt == null).ToListAsync();
    }

    private async Task<JsonNode> QueueAsync(string queue, string query = "")
    {
        var (status, body) = await _api.GetJsonAsync($"/api/v1/queues/{queue}{query}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    private static JsonNode Item(JsonNode queue, string id) => queue["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task A_phone_in_a_cse_case_is_high_priority_due_in_7_days_and_escalates_when_it_is_not_examined()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Tamsin", "Rowe").AgedYears(14).Build());
        await _api.PostJsonAsync($"/api/v1/people/{girl}/flags", new { code = "cse-risk", reason = "Screened significant" });
        var routine = await _api.CreatePersonAsync(A.Child("Ola", "Nowakowska").AgedYears(13).Build());
        await _api.RecordAsync(Event("ola-dfu", "forensic-request", "2026-02-20T09:00:00Z", routine, new { requestId = "DFU-ROUTINE", device = "tablet" }));
        var answer = await _api.RecordAsync(Event("tr-dfu", "forensic-request", "2026-03-02T09:00:00Z", girl,
            new { requestId = "DFU-TR", device = "phone", investigationId = "INV-TR" }));

        var task = Assert.Single(answer["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "forensic-request")!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-09T09:00:00Z"), task["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("digital-forensics", task["assignedTo"]!.GetValue<string>());

        var queue = await QueueAsync("forensic");
        Assert.Equal(["DFU-TR", "DFU-ROUTINE"], queue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var item = Item(queue, "DFU-TR");
        Assert.Equal(("high", 7, "INV-TR", false), (item["priority"]!.GetValue<string>(), item["targetDays"]!.GetValue<int>(),
            item["investigationId"]!.GetValue<string>(), item["overdue"]!.GetValue<bool>()));
        Assert.Contains("At risk of child sexual exploitation", item["priorityReasons"]!.ToJsonString());
        Assert.Equal("Tamsin Rowe", item["children"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(("standard", 30), (Item(queue, "DFU-ROUTINE")["priority"]!.GetValue<string>(), Item(queue, "DFU-ROUTINE")["targetDays"]!.GetValue<int>()));

        await AdvanceToAsync("2026-03-09T08:59:00Z");
        Assert.Empty(await AlertsAsync(girl, "task-overdue"));
        await AdvanceToAsync("2026-03-09T09:00:00Z");
        Assert.Single(await AlertsAsync(girl, "task-overdue")); // the clock escalates at the due time, as for every task
        Assert.False(Item(await QueueAsync("forensic"), "DFU-TR")["overdue"]!.GetValue<bool>()); // overdue once past it, as the worklist says

        await AdvanceToAsync("2026-03-09T09:01:00Z");
        Assert.Single(await AlertsAsync(girl, "task-overdue"));
        queue = await QueueAsync("forensic");
        Assert.True(Item(queue, "DFU-TR")["overdue"]!.GetValue<bool>());
        Assert.Equal(1, queue["figures"]!["overdue"]!.GetValue<int>());

        await _api.RecordAsync(Event("tr-dfu-done", "forensic-completed", "2026-03-09T09:01:00Z", girl, new { requestId = "DFU-TR", findings = "Messages recovered" }));
        queue = await QueueAsync("forensic");
        Assert.Equal(["DFU-ROUTINE"], queue["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var done = await QueueAsync("forensic", "?status=done");
        Assert.Equal("completed", Item(done, "DFU-TR")["status"]!.GetValue<string>());
        Assert.Equal((1, 0), (done["figures"]!["done"]!.GetValue<int>(), done["figures"]!["percentWithinTarget"]!.GetValue<int>()));

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{girl}/profile");
        Assert.Contains(profile!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "forensic-request" && t["status"]!.GetValue<string>() == "done");
    }

    [Fact]
    public async Task A_request_for_a_child_not_at_high_risk_is_overdue_only_after_30_days()
    {
        var boy = await _api.CreatePersonAsync(A.Child("Jory", "Penhale").AgedYears(12).Build());
        await _api.RecordAsync(Event("jp-dfu", "forensic-request", "2026-02-01T09:00:00Z", boy, new { requestId = "DFU-JP", device = "games console" }));

        var item = Item(await QueueAsync("forensic"), "DFU-JP");
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T09:00:00Z"), item["dueAt"]!.GetValue<DateTimeOffset>());
        await AdvanceToAsync("2026-03-03T09:00:00Z");
        Assert.False(Item(await QueueAsync("forensic"), "DFU-JP")["overdue"]!.GetValue<bool>());
        await AdvanceToAsync("2026-03-03T09:01:00Z");
        Assert.True(Item(await QueueAsync("forensic"), "DFU-JP")["overdue"]!.GetValue<bool>());
        Assert.Single(await AlertsAsync(boy, "task-overdue"));
    }

    [Fact]
    public async Task A_charging_file_is_due_28_days_after_it_is_sent_and_the_decision_takes_it_off_the_queue_within_target()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Eseld", "Hocking").AgedYears(15).Build());
        var answer = await _api.RecordAsync(Event("eh-cps", "charging-file-submitted", "2026-02-02T09:00:00Z", girl,
            new { fileId = "CPS-EH", investigationId = "INV-EH", offence = "Sexual communication with a child" }, role: "victim"));
        var task = Assert.Single(answer["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "charging-decision")!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T09:00:00Z"), task["dueAt"]!.GetValue<DateTimeOffset>());

        var item = Item(await QueueAsync("charging"), "CPS-EH");
        Assert.Equal((28, false, "Sexual communication with a child"), (item["targetDays"]!.GetValue<int>(), item["overdue"]!.GetValue<bool>(), item["subject"]!.GetValue<string>()));
        var (_, file) = await _api.GetJsonAsync("/api/v1/cases/charging-file/CPS-EH");
        Assert.Equal(("awaiting-decision", "INV-EH"), (file!["status"]!.GetValue<string>(), file["fields"]!["investigationId"]!.GetValue<string>()));

        await _api.RecordAsync(Event("eh-decision", "charging-decision", "2026-03-02T08:30:00Z", girl, new { fileId = "CPS-EH", decision = "charge" }, role: "victim"));
        var queue = await QueueAsync("charging", "?status=all");
        item = Item(queue, "CPS-EH");
        Assert.Equal(("decided", "charge", false), (item["status"]!.GetValue<string>(), item["outcome"]!.GetValue<string>(), item["overdue"]!.GetValue<bool>()));
        Assert.Equal((0, 1, 100), (queue["figures"]!["waiting"]!.GetValue<int>(), queue["figures"]!["done"]!.GetValue<int>(),
            queue["figures"]!["percentWithinTarget"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_or_a_bad_status_is_refused()
    {
        var (status, body) = await _api.GetJsonAsync("/api/v1/queues/backlog");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", body!["code"]!.GetValue<string>());
        (status, _) = await _api.GetJsonAsync("/api/v1/queues/forensic?status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task A_partner_practitioner_sees_no_queue()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Kerensa", "Tregear").AgedYears(15).Build());
        await _api.RecordAsync(Event("kt-dfu", "forensic-request", "2026-03-01T09:00:00Z", girl, new { requestId = "DFU-KT", device = "phone" }));
        var partner = await _factory.ApiAsAsync("partner-practitioner");
        var (status, _) = await partner.GetJsonAsync("/api/v1/queues/forensic");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}
