using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Custody;

/// <summary>The inspection report's custody cases through the API, with the clock worker firing the timers: children
/// charged and refused bail and kept in cells overnight with no request to the local authority (in five of eight
/// cases), detention reviews, and children detained under s136 taken to a police station.</summary>
public sealed class CustodyScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public CustodyScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static object Event(string id, string type, string at, string child, object data, string role = "child") => new
    {
        id, type, occurredAt = at, people = new[] { new { personId = child, role } }, data,
    };

    private async Task TickAsync()
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();
    }

    private async Task AdvanceToAsync(string at)
    {
        _factory.Clock.Advance(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) - _factory.Clock.GetUtcNow());
        await TickAsync();
    }

    private async Task<List<Core.Work.Alert>> AlertsAsync(string child, string code)
    {
        await using var db = _factory.Db();
        return await db.Alerts.AsNoTracking().Where(a => a.PersonId == Guid.Parse(child) && a.Code == code && a.WithdrawnAt == null).ToListAsync();
    }

    private async Task<List<Core.Work.WorkTask>> TasksAsync(string child, string code)
    {
        await using var db = _factory.Db();
        return await db.Tasks.AsNoTracking().Where(t => t.PersonId == Guid.Parse(child) && t.Code == code).OrderBy(t => t.DueAt).ToListAsync();
    }

    [Fact]
    public async Task A_boy_charged_and_refused_bail_with_no_request_made_raises_child_held_overnight_at_02_00_that_night()
    {
        var boy = await _api.CreatePersonAsync(A.Child("Kian", "Treloar").AgedYears(15).Build());
        await _api.RecordAsync(Event("k-booked", "custody-detained", "2026-03-02T08:40:00Z", boy, new { custodyId = "DC-1", appropriateAdult = "Father" }));
        var charged = await _api.RecordAsync(Event("k-charged", "custody-charged", "2026-03-02T08:55:00Z", boy, new { custodyId = "DC-1", bailRefused = true }));

        var request = Assert.Single(charged["outputs"]!["tasks"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "custody-transfer-request")!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T09:55:00Z"), request["dueAt"]!.GetValue<DateTimeOffset>());

        await AdvanceToAsync("2026-03-03T01:59:00Z");
        Assert.Empty(await AlertsAsync(boy, "child-held-overnight"));

        await AdvanceToAsync("2026-03-03T02:00:00Z");
        var alert = Assert.Single(await AlertsAsync(boy, "child-held-overnight"));
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T02:00:00Z"), alert.CreatedAt);
        Assert.Equal("custody-inspector", alert.Audience);

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{boy}/profile");
        var shown = profile!["alerts"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "child-held-overnight")!.ToJsonString();
        Assert.Contains("Kian Treloar", shown);
        Assert.Contains("no request for local authority accommodation", shown);
    }

    [Fact]
    public async Task A_child_transferred_before_the_night_check_raises_no_overnight_alert()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Morwenna", "Pascoe").AgedYears(16).Build());
        await _api.RecordAsync(Event("m-booked", "custody-detained", "2026-03-02T08:00:00Z", girl, new { custodyId = "DC-2", appropriateAdult = "Mother" }));
        await _api.RecordAsync(Event("m-charged", "custody-charged", "2026-03-02T08:30:00Z", girl, new { custodyId = "DC-2", bailRefused = true }));
        await _api.RecordAsync(Event("m-request", "custody-transfer-requested", "2026-03-02T08:45:00Z", girl, new { custodyId = "DC-2", accommodation = "non-secure", localAuthority = "LA-T1" }));
        await AdvanceToAsync("2026-03-02T20:00:00Z");
        await _api.RecordAsync(Event("m-moved", "custody-transfer-outcome", "2026-03-02T19:30:00Z", girl, new { custodyId = "DC-2", outcome = "transferred" }));

        await AdvanceToAsync("2026-03-03T03:00:00Z");

        Assert.Empty(await AlertsAsync(girl, "child-held-overnight"));
        Assert.Equal("done", Assert.Single(await TasksAsync(girl, "custody-transfer-request")).Status);
    }

    [Fact]
    public async Task A_missed_first_review_escalates_at_6_hours_and_the_next_review_is_raised_then()
    {
        var boy = await _api.CreatePersonAsync(A.Child("Jago", "Penrose").AgedYears(17).Build());
        await _api.RecordAsync(Event("j-booked", "custody-detained", "2026-03-02T08:50:00Z", boy, new { custodyId = "DC-3", appropriateAdult = "Aunt" }, role: "suspect"));
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T14:50:00Z"), Assert.Single(await TasksAsync(boy, "custody-review")).DueAt);

        await AdvanceToAsync("2026-03-02T14:50:00Z");

        var reviews = await TasksAsync(boy, "custody-review");
        Assert.Equal([DateTimeOffset.Parse("2026-03-02T14:50:00Z"), DateTimeOffset.Parse("2026-03-02T23:50:00Z")], reviews.Select(t => t.DueAt));
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T14:50:00Z"), reviews[1].CreatedAt);
        Assert.Single(await AlertsAsync(boy, "task-overdue"));

        var (_, now) = await _api.GetJsonAsync("/api/v1/custody/now");
        var entry = Assert.Single(now!.AsArray(), e => e!["custodyId"]!.GetValue<string>() == "DC-3")!;
        Assert.True(entry["reviewOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Held_24_hours_without_charge_alerts_the_custody_inspector_at_the_limit()
    {
        var boy = await _api.CreatePersonAsync(A.Child("Tristan", "Hocking").AgedYears(15).Build());
        await _api.RecordAsync(Event("t-booked", "custody-detained", "2026-03-02T08:30:00Z", boy, new { custodyId = "DC-4", appropriateAdult = "Mother" }));
        await _api.RecordAsync(Event("t-review", "custody-review", "2026-03-02T08:59:00Z", boy, new { custodyId = "DC-4" }));

        await AdvanceToAsync("2026-03-03T08:29:00Z");
        Assert.Empty(await AlertsAsync(boy, "detention-limit-reached"));
        await AdvanceToAsync("2026-03-03T08:30:00Z");
        Assert.Equal(DateTimeOffset.Parse("2026-03-03T08:30:00Z"), Assert.Single(await AlertsAsync(boy, "detention-limit-reached")).CreatedAt);
    }

    [Fact]
    public async Task The_transfer_record_per_local_authority_counts_requests_refusals_transfers_certificates_and_nights_in_cells()
    {
        async Task Case(string tag, string la, string? outcome, bool request = true)
        {
            var child = await _api.CreatePersonAsync(A.Child("Case", "Child" + tag).AgedYears(15).Build());
            await _api.RecordAsync(Event($"{tag}-b", "custody-detained", "2026-02-10T16:00:00Z", child, new { custodyId = $"R-{tag}", appropriateAdult = "Parent" }));
            await _api.RecordAsync(Event($"{tag}-c", "custody-charged", "2026-02-10T20:00:00Z", child, new { custodyId = $"R-{tag}", bailRefused = true }));
            if (request)
                await _api.RecordAsync(Event($"{tag}-r", "custody-transfer-requested", "2026-02-10T20:30:00Z", child, new { custodyId = $"R-{tag}", accommodation = "secure", localAuthority = la }));
            if (outcome is not null)
                await _api.RecordAsync(Event($"{tag}-o", "custody-transfer-outcome", "2026-02-10T23:00:00Z", child, new { custodyId = $"R-{tag}", outcome, reason = "Recorded for the test" }));
        }
        await Case("a", "LA-T1", "transferred");
        await Case("b", "LA-T1", "impracticable-certified");
        await Case("c", "LA-T1", "refused");
        await Case("d", "", null, request: false);

        var (status, body) = await _api.GetJsonAsync("/api/v1/measures/custody-transfers?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = body!["localAuthorities"]!.AsArray();
        var la = rows.Single(r => r!["localAuthority"]!.GetValue<string>() == "LA-T1")!;
        Assert.Equal(3, la["chargedRefusedBail"]!.GetValue<int>());
        Assert.Equal(3, la["requests"]!.GetValue<int>());
        Assert.Equal(1, la["refusals"]!.GetValue<int>());
        Assert.Equal(1, la["transfers"]!.GetValue<int>());
        Assert.Equal(1, la["certificates"]!.GetValue<int>());
        Assert.Equal(2, la["heldOvernight"]!.GetValue<int>());
        var unknown = rows.Single(r => r!["localAuthority"]!.GetValue<string>() == "")!;
        Assert.Equal(1, unknown["heldOvernightWithoutRequest"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("child", null, false)]
    [InlineData("suspect", null, true)]
    public async Task A_police_station_is_refused_as_a_place_of_safety_for_a_child_with_no_date_of_birth(string role, string? dob, bool appearsUnder18)
    {
        var person = await _api.CreatePersonAsync(new { forename = "Elowen", surname = "Nankervis", dateOfBirth = dob });
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = $"s136-{role}", type = "s136-detention", occurredAt = "2026-03-02T08:00:00Z",
            people = new[] { new { personId = person, role } },
            data = appearsUnder18 ? (object)new { placeOfSafety = "police-station", appearsUnder18 = true } : new { placeOfSafety = "police-station" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("police-station-not-place-of-safety", body!["code"]!.GetValue<string>());
        Assert.Contains("health-based place of safety", body.ToJsonString());
        await using var db = _factory.Db();
        Assert.False(await db.Events.AnyAsync(e => e.Id == $"s136-{role}"));
    }

    [Fact]
    public async Task An_s136_detention_at_a_health_based_place_of_safety_is_tracked_to_its_24_hour_limit()
    {
        var girl = await _api.CreatePersonAsync(A.Child("Demelza", "Rowe").AgedYears(15).Build());
        await _api.RecordAsync(Event("d-136", "s136-detention", "2026-03-02T07:00:00Z", girl, new { placeOfSafety = "health-based-place-of-safety" }));

        await AdvanceToAsync("2026-03-03T07:00:00Z");

        Assert.Equal(DateTimeOffset.Parse("2026-03-03T07:00:00Z"), Assert.Single(await TasksAsync(girl, "s136-limit")).DueAt);
        Assert.Single(await AlertsAsync(girl, "task-overdue"));
    }
}
