using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Queues;

/// <summary>I7, PP1 through the API: a child taken into police protection, the designated officer not the initiating
/// officer, the local authority told (a task until it is), and the 72-hour limit escalating when it passes.</summary>
public sealed class PoliceProtectionScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public PoliceProtectionScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static object Event(string id, string type, string at, string child, object data) => new
    {
        id, type, occurredAt = at, people = new[] { new { personId = child, role = "child" } }, data,
    };

    private async Task AdvanceToAsync(string at)
    {
        _factory.Clock.Advance(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) - _factory.Clock.GetUtcNow());
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();
    }

    private async Task<List<Core.Work.WorkTask>> TasksAsync(string child, string code)
    {
        await using var db = _factory.Db();
        return await db.Tasks.AsNoTracking().Where(t => t.PersonId == Guid.Parse(child) && t.Code == code).ToListAsync();
    }

    [Fact]
    public async Task The_same_officer_as_initiating_and_designated_officer_is_refused_and_nothing_is_stored()
    {
        var child = await _api.CreatePersonAsync(A.Child("Demelza", "Angove").AgedYears(9).Build());
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", Event("da-pp", "police-protection", "2026-03-02T08:00:00Z", child,
            new { initiatingOfficer = "PC 4410 Ciarán Ó Briain", designatedOfficer = "pc4410 ciarán ó briain" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("designated-officer-same-as-initiating", body!["code"]!.GetValue<string>());
        var (missing, _) = await _api.GetJsonAsync("/api/v1/events/da-pp");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Police_protection_keeps_a_task_open_until_the_local_authority_is_told_and_escalates_at_72_hours()
    {
        var child = await _api.CreatePersonAsync(A.Child("Piran", "Jago").AgedYears(6).Build());
        var answer = await _api.RecordAsync(Event("pj-pp", "police-protection", "2026-03-02T08:00:00Z", child,
            new { initiatingOfficer = "PC 101 Ada Obi", designatedOfficer = "Insp 7 Józef Nowak", accommodation = "Emergency foster carer" }));
        var codes = answer["outputs"]!["tasks"]!.AsArray().Select(t => (t!["code"]!.GetValue<string>(), t["dueAt"]!.GetValue<DateTimeOffset>())).ToList();
        Assert.Contains(("police-protection-la-informed", DateTimeOffset.Parse("2026-03-02T10:00:00Z")), codes);
        Assert.Contains(("police-protection-limit", DateTimeOffset.Parse("2026-03-05T08:00:00Z")), codes);

        var (_, now) = await _api.GetJsonAsync("/api/v1/police-protection/now");
        var spell = Assert.Single(now!.AsArray())!;
        Assert.Equal(("Piran Jago", "pj-pp", "Insp 7 Józef Nowak"), (spell["childName"]!.GetValue<string>(), spell["caseId"]!.GetValue<string>(),
            spell["designatedOfficer"]!.GetValue<string>()));
        Assert.Null(spell["localAuthorityInformedAt"]);

        await _api.RecordAsync(Event("pj-la", "police-protection-la-informed", "2026-03-02T08:45:00Z", child,
            new { localAuthorityInformedAt = "2026-03-02T08:45:00Z", localAuthority = "Northmoor", informedPerson = "Emergency duty team" }));
        Assert.Equal("done", Assert.Single(await TasksAsync(child, "police-protection-la-informed")).Status);
        var (_, pp) = await _api.GetJsonAsync("/api/v1/cases/police-protection/pj-pp");
        Assert.Equal(("in-force", "Northmoor"), (pp!["status"]!.GetValue<string>(), pp["fields"]!["localAuthority"]!.GetValue<string>()));

        await AdvanceToAsync("2026-03-05T08:01:00Z");
        await using (var db = _factory.Db())
        {
            var overdue = await db.Alerts.AsNoTracking().Where(a => a.PersonId == Guid.Parse(child) && a.Code == "task-overdue").ToListAsync();
            Assert.Contains(overdue, a => a.Key.Contains("PP1-police-protection-limit", StringComparison.Ordinal));
        }

        await _api.RecordAsync(Event("pj-end", "police-protection-ended", "2026-03-05T08:01:00Z", child, new { outcome = "accommodated" }));
        (_, now) = await _api.GetJsonAsync("/api/v1/police-protection/now");
        Assert.Empty(now!.AsArray());
        Assert.Equal("done", Assert.Single(await TasksAsync(child, "police-protection-limit")).Status);
    }
}
