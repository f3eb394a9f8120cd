using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Offenders;

/// <summary>The inspection report's offender cases (K1–K4, SO1–SO4), played through the API: monitoring visits not made on
/// time; offender managers with 80 to 90 offenders against guidance of 50; a registered sex offender in the company of
/// children, whose children were identified and safeguarded; neighbourhood teams that learn of offenders only from the
/// intranet. The factory clock stands at 09:00 on 2 March 2026.</summary>
public sealed class OffenderScenarioTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public OffenderScenarioTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_home_visit_not_made_on_time_is_escalated_by_the_clock_when_it_falls_due_and_listed_overdue()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Gary", "Latevisit").Build());
        // High risk: visits every 3 months; registered at 10:00 on 2 December, so the first visit is due by 10:00 on 2 March.
        var answer = await _api.RegisterAsync("reg-late", offender, "2025-12-02T10:00:00Z");
        var due = answer["outputs"]!["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "offender-visit")!;
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T10:00:00Z"), due["dueAt"]!.GetValue<DateTimeOffset>());
        var (_, before) = await _api.GetJsonAsync("/api/v1/offenders?overdue=true");
        Assert.Empty(before!.AsArray());

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        using (var scope = _factory.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();

        var (_, alerts) = await _api.GetJsonAsync("/api/v1/alerts?code=task-overdue");
        var escalation = Assert.Single(alerts!.AsArray(), a => a!["personId"]!.GetValue<string>() == offender)!;
        Assert.Equal("supervisor:offender-management", escalation["audience"]!.GetValue<string>());
        var (_, overdue) = await _api.GetJsonAsync("/api/v1/offenders?overdue=true");
        var row = Assert.Single(overdue!.AsArray())!;
        Assert.Equal(offender, row["personId"]!.GetValue<string>());
        Assert.Equal("overdue", row["nextVisit"]!["status"]!.GetValue<string>());

        // The visit is made: nothing overdue, the next one due three months on, at the same London time.
        var visit = await _api.OffenderEventAsync("visit-late", "offender-visit", "2026-03-02T10:30:00Z", new { notes = "Seen at home" }, (offender, "offender"));
        var next = visit["outputs"]!["tasks"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "offender-visit")!;
        Assert.Equal(DateTimeOffset.Parse("2026-06-02T09:30:00Z"), next["dueAt"]!.GetValue<DateTimeOffset>());
        var (_, after) = await _api.GetJsonAsync("/api/v1/offenders?overdue=true");
        Assert.Empty(after!.AsArray());
    }

    [Fact]
    public async Task An_offender_in_the_company_of_children_alerts_the_offender_manager_and_shows_on_each_childs_profile()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Dennis", "Parkbench").Build());
        var first = await _api.CreatePersonAsync(A.Child("Maisie", "Swings").AgedYears(8).Build());
        var second = await _api.CreatePersonAsync(A.Child("Tyler", "Swings").AgedYears(10).Build());
        await _api.RegisterAsync("reg-park", offender, "2025-06-01T10:00:00Z", "medium", "user:om-jones");

        var answer = await _api.OffenderEventAsync("contact-park", "offender-contact-with-child", "2026-03-01T16:00:00Z",
            new { notes = "Seen by a neighbourhood officer in the play park with two children" }, (offender, "offender"), (first, "child"), (second, "child"));

        var alerts = answer["outputs"]!["alerts"]!.AsArray();
        Assert.Contains(alerts, a => a!["code"]!.GetValue<string>() == "offender-contact-with-child" && a["personId"]!.GetValue<string>() == offender
            && a["audience"]!.GetValue<string>() == "offender-manager:user:om-jones");
        Assert.Contains("risk-to-other-children", alerts.Codes());
        foreach (var child in new[] { first, second })
        {
            var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
            Assert.Contains("offender-contact-with-child", profile!["alerts"].Codes());
            var linked = Assert.Single(profile["offenders"]!.AsArray())!;
            Assert.Equal(offender, linked["personId"]!.GetValue<string>());
            Assert.Equal(["contact-park"], linked["eventIds"]!.AsArray().Select(e => e!.GetValue<string>()));
            var explanation = profile["alerts"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "offender-contact-with-child")!["reason"]!["explanation"]!.GetValue<string>();
            Assert.Contains("Dennis Parkbench", explanation);
            Assert.DoesNotContain("{person:", explanation);
        }
    }

    [Fact]
    public async Task Registering_an_offender_at_a_childs_home_links_them_whatever_way_the_address_is_written()
    {
        var child = await _api.PersonAtAsync("Lily", "Churchroad", 9, "Flat 2, 14a Church Road", "PL1 4AB");
        var neighbour = await _api.PersonAtAsync("Oscar", "Nextdoor", 9, "Flat 2, 16 Church Road", "PL1 4AB");
        var adult = await _api.PersonAtAsync("Rita", "Grownup", 40, "Flat 2, 14a Church Road", "PL1 4AB");
        var offender = await _api.CreatePersonAsync(A.Adult("Keith", "Mover").Build());

        var answer = await _api.RegisterAsync("reg-home", offender, "2026-03-01T10:00:00Z",
            address: new { line1 = "flat 2 14 A church rd.", town = "Plymouth", postcode = "pl14ab" });

        var alerts = answer["outputs"]!["alerts"]!.AsArray().Where(a => a!["code"]!.GetValue<string>() == "offender-contact-with-child").ToList();
        Assert.Contains(alerts, a => a!["personId"]!.GetValue<string>() == child);
        Assert.DoesNotContain(alerts, a => a!["personId"]!.GetValue<string>() == neighbour || a["personId"]!.GetValue<string>() == adult);

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        var linked = Assert.Single(profile!["offenders"]!.AsArray())!;
        Assert.StartsWith("addr-", linked["eventIds"]![0]!.GetValue<string>());
        var (_, neighbours) = await _api.GetJsonAsync($"/api/v1/people/{neighbour}/profile");
        Assert.Empty(neighbours!["offenders"]!.AsArray());

        // A notification giving the same address again links nothing twice.
        await _api.OffenderEventAsync("notify-home", "offender-notification", "2026-03-02T08:00:00Z",
            new { kind = "change", address = new { line1 = "Flat 2, 14A Church Road", postcode = "PL1 4AB" } }, (offender, "offender"));
        var (_, again) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        Assert.Single(again!["chronology"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "offender-address-link");
    }

    [Fact]
    public async Task A_child_recorded_later_at_a_registered_offenders_home_is_linked_too()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Stanley", "Earlier").Build());
        await _api.RegisterAsync("reg-first", offender, "2026-02-01T10:00:00Z", manager: "user:om-jones",
            address: new { line1 = "3 The Crescent", town = "Exeter", postcode = "EX4 6PX" });

        var child = await _api.PersonAtAsync("Ruby", "Later", 6, "3 crescent", "ex4 6px");

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        Assert.Equal(offender, Assert.Single(profile!["offenders"]!.AsArray())!["personId"]!.GetValue<string>());
        var (_, forManager) = await _api.GetJsonAsync("/api/v1/alerts?audience=offender-manager:user:om-jones&code=offender-contact-with-child");
        Assert.Contains("Ruby Later", Assert.Single(forManager!.AsArray())!["reason"]!["explanation"]!.GetValue<string>());

        // An adult recorded there is not linked.
        var adult = await _api.PersonAtAsync("Alan", "Grownup", 45, "3 The Crescent", "EX4 6PX");
        var (_, adults) = await _api.GetJsonAsync($"/api/v1/people/{adult}/profile");
        Assert.Empty(adults!["offenders"]!.AsArray());
    }

    [Fact]
    public async Task Offender_managers_over_the_caseload_guidance_and_their_units_are_shown_first_to_leaders()
    {
        var (changed, _) = await _api.PutJsonAsync("/api/v1/settings/SO4.caseloadPerManager", new { value = 2 });
        Assert.Equal(HttpStatusCode.OK, changed);
        for (int i = 0; i < 3; i++)
            await _api.RegisterAsync($"reg-busy-{i}", await _api.CreatePersonAsync(A.Adult("Busy", $"Offender{i}").Build()), "2026-02-01T10:00:00Z",
                manager: "user:om-busy", unit: "E-DOU");
        await _api.RegisterAsync("reg-calm", await _api.CreatePersonAsync(A.Adult("Calm", "Offender").Build()), "2026-02-01T10:00:00Z",
            manager: "user:om-calm", unit: "W-DOU");

        var leader = await _factory.ApiAsAsync("leader");
        var (status, report) = await leader.GetJsonAsync("/api/v1/measures/offender-caseloads");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, report!["threshold"]!.GetValue<int>());
        var units = report["units"]!.AsArray();
        Assert.Equal(["E-DOU", "W-DOU"], units.Select(u => u!["unit"]!.GetValue<string>()));
        Assert.True(units[0]!["over"]!.GetValue<bool>());
        Assert.False(units[1]!["over"]!.GetValue<bool>());
        var busy = Assert.Single(units[0]!["managers"]!.AsArray())!;
        Assert.Equal((3, true), (busy["offenders"]!.GetValue<int>(), busy["over"]!.GetValue<bool>()));

        var officer = await _factory.ApiAsAsync("officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetJsonAsync("/api/v1/measures/offender-caseloads")).Status);
    }

    [Fact]
    public async Task A_briefing_reaches_the_neighbourhood_team_who_acknowledge_it_and_their_sighting_reaches_the_offender_manager()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Norman", "Briefed").Build());
        await _api.RegisterAsync("reg-brief", offender, "2026-01-10T10:00:00Z", manager: "user:om-jones");
        var briefing = await _api.OffenderEventAsync("brief-1", "offender-briefing", "2026-03-01T08:00:00Z",
            new { team = "N-NBH-PLY", summary = "Lives on Church Road near the primary school" }, (offender, "offender"));
        Assert.Contains("acknowledge-briefing", briefing["outputs"]!["tasks"].Codes());

        var neighbourhood = await _factory.ApiAsAsync("officer");
        var (_, open) = await neighbourhood.GetJsonAsync("/api/v1/tasks?code=acknowledge-briefing&team=N-NBH-PLY");
        Assert.Single(open!.AsArray());
        await neighbourhood.OffenderEventAsync("ack-1", "offender-briefing-acknowledged", "2026-03-01T09:00:00Z", new { briefingEventId = "brief-1" }, (offender, "offender"));
        var (_, stillOpen) = await neighbourhood.GetJsonAsync("/api/v1/tasks?code=acknowledge-briefing&team=N-NBH-PLY");
        Assert.Empty(stillOpen!.AsArray());

        await neighbourhood.OffenderEventAsync("seen-1", "offender-sighting", "2026-03-01T15:20:00Z",
            new { kind = "sighting", location = "outside the primary school at home time" }, (offender, "offender"));
        var (_, forManager) = await _api.GetJsonAsync("/api/v1/alerts?audience=offender-manager:user:om-jones&code=offender-sighting");
        Assert.Contains("outside the primary school", Assert.Single(forManager!.AsArray())!["reason"]!["explanation"]!.GetValue<string>());

        var (_, page) = await _api.GetJsonAsync($"/api/v1/offenders/{offender}");
        var acknowledged = Assert.Single(page!["briefings"]!.AsArray())!;
        Assert.NotNull(acknowledged["acknowledgedAt"]);
        Assert.Single(page["sightings"]!.AsArray());
    }

    [Fact]
    public async Task A_mappa_level_outside_1_to_3_is_refused_and_nothing_is_stored()
    {
        var offender = await _api.CreatePersonAsync(A.Adult("Mappa", "Wrong").Build());
        var (status, problem) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "reg-bad", type = "offender-registered", occurredAt = "2026-03-01T10:00:00Z",
            people = new[] { new { personId = offender, role = "offender" } },
            data = new { riskLevel = "high", mappaCategory = 1, mappaLevel = 4, offenderManager = "user:om-jones" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("mappa-invalid", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["data.mappaLevel"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetJsonAsync("/api/v1/events/reg-bad")).Status);
    }

    [Fact]
    public async Task Partners_may_not_read_the_offender_lists()
    {
        var partner = await _factory.ApiAsAsync("partner-practitioner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetJsonAsync("/api/v1/offenders")).Status);
    }
}
