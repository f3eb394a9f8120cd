using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Derivation;
using System.Text.Json.Nodes;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Offenders;

namespace Safeguard.Web.Tests.Security;

/// <summary>Issue 11 point 2 (P1), the lists and measures beyond search and profiles: a restricted person counts in the
/// custody transfer record, offender caseloads, custody now and the worklist totals only for those named on the restriction.
/// Anyone else sees neither the person nor a number that includes them.</summary>
public sealed class RestrictedCountsTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RestrictedCountsTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static object Event(string id, string type, string at, string person, object data, string role = "child") => new
    {
        id, type, occurredAt = at, people = new[] { new { personId = person, role } }, data,
    };

    /// <summary>Restricts <paramref name="people"/> to the supervisor system "named-system" and returns API clients for a
    /// supervisor named on it and one kept out.</summary>
    private async Task<(HttpClient Named, HttpClient Other)> RestrictAsync(params string[] people)
    {
        var named = _factory.Api((await _factory.IssueTokenAsync("supervisor", name: "named-system")).Token);
        var other = _factory.Api((await _factory.IssueTokenAsync("supervisor", name: "other-system")).Token);
        foreach (var person in people)
        {
            var (status, _) = await _api.PutJsonAsync($"/api/v1/people/{person}/restriction",
                new { allowed = new[] { "client:named-system" }, reason = "Subject is a serving officer's child" });
            Assert.Equal(HttpStatusCode.OK, status);
        }
        return (named, other);
    }

    private async Task<string> CustodyCaseAsync(string tag, string name)
    {
        var child = await _api.CreatePersonAsync(A.Child(name, "Custodychild").AgedYears(15).Build());
        await _api.RecordAsync(Event($"{tag}-b", "custody-detained", "2026-02-10T16:00:00Z", child, new { custodyId = $"RC-{tag}", appropriateAdult = "Parent" }));
        await _api.RecordAsync(Event($"{tag}-c", "custody-charged", "2026-02-10T20:00:00Z", child, new { custodyId = $"RC-{tag}", bailRefused = true }));
        await _api.RecordAsync(Event($"{tag}-r", "custody-transfer-requested", "2026-02-10T20:30:00Z", child,
            new { custodyId = $"RC-{tag}", accommodation = "secure", localAuthority = "LA-R1" }));
        return child;
    }

    [Fact]
    public async Task The_custody_transfer_record_counts_a_restricted_child_only_for_those_named()
    {
        await CustodyCaseAsync("open", "Visible");
        var hiddenChild = await CustodyCaseAsync("hid", "Hidden");
        var (named, other) = await RestrictAsync(hiddenChild);
        const string path = "/api/v1/measures/custody-transfers?from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00Z";

        int Charged(JsonNode? body) => body!["localAuthorities"]!.AsArray()
            .Where(r => r!["localAuthority"]!.GetValue<string>() == "LA-R1").Sum(r => r!["chargedRefusedBail"]!.GetValue<int>());
        Assert.Equal(1, Charged((await other.GetJsonAsync(path)).Body));
        Assert.Equal(2, Charged((await named.GetJsonAsync(path)).Body));
    }

    [Fact]
    public async Task Custody_now_lists_a_restricted_child_only_for_those_named()
    {
        var child = await _api.CreatePersonAsync(A.Child("Hidden", "Heldnow").AgedYears(15).Build());
        await _api.RecordAsync(Event("now-b", "custody-detained", "2026-03-02T08:30:00Z", child, new { custodyId = "RC-NOW", appropriateAdult = "Parent" }));
        var (named, other) = await RestrictAsync(child);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/custody/now");
        var (_, shown) = await named.GetJsonAsync("/api/v1/custody/now");

        Assert.DoesNotContain(child, hidden!.ToJsonString());
        Assert.Contains(child, shown!.ToJsonString());
    }

    [Fact]
    public async Task Offender_caseloads_count_a_restricted_offender_only_for_those_named()
    {
        await _api.RegisterAsync("reg-open", await _api.CreatePersonAsync(A.Adult("Open", "Offender").Build()), "2026-02-01T10:00:00Z",
            manager: "user:om-restrict", unit: "E-DOU");
        var hiddenOffender = await _api.CreatePersonAsync(A.Adult("Hidden", "Offender").Build());
        await _api.RegisterAsync("reg-hidden", hiddenOffender, "2026-02-01T10:00:00Z", manager: "user:om-restrict", unit: "E-DOU");
        var (named, other) = await RestrictAsync(hiddenOffender);

        int Offenders(JsonNode? report) => report!["units"]!.AsArray().SelectMany(u => u!["managers"]!.AsArray())
            .Where(m => m!["manager"]!.GetValue<string>() == "user:om-restrict").Sum(m => m!["offenders"]!.GetValue<int>());
        var (_, hidden) = await other.GetJsonAsync("/api/v1/measures/offender-caseloads");
        var (_, shown) = await named.GetJsonAsync("/api/v1/measures/offender-caseloads");

        Assert.Equal(1, Offenders(hidden));
        Assert.Equal(2, Offenders(shown));
        var (_, list) = await other.GetJsonAsync("/api/v1/offenders");
        Assert.DoesNotContain(hiddenOffender, list!.ToJsonString());
    }

    [Fact]
    public async Task Task_and_alert_totals_leave_out_a_restricted_person_for_those_kept_out()
    {
        var hiddenOffender = await _api.CreatePersonAsync(A.Adult("Hidden", "Tasked").Build());
        await _api.RegisterAsync("reg-tasked", hiddenOffender, "2026-02-01T10:00:00Z", manager: "user:om-restrict", unit: "E-DOU");
        var (named, other) = await RestrictAsync(hiddenOffender);

        var hidden = await other.GetAsync($"/api/v1/tasks?personId={hiddenOffender}");
        var shown = await named.GetAsync($"/api/v1/tasks?personId={hiddenOffender}");
        var allHidden = await other.GetAsync("/api/v1/tasks?pageSize=200");
        var allShown = await named.GetAsync("/api/v1/tasks?pageSize=200");

        Assert.Equal("0", hidden.Headers.GetValues("X-Total-Count").Single());
        Assert.NotEqual("0", shown.Headers.GetValues("X-Total-Count").Single());
        Assert.DoesNotContain(hiddenOffender, await allHidden.Content.ReadAsStringAsync());
        Assert.Equal(int.Parse(allShown.Headers.GetValues("X-Total-Count").Single()) - int.Parse(shown.Headers.GetValues("X-Total-Count").Single()),
            int.Parse(allHidden.Headers.GetValues("X-Total-Count").Single()));
    }

    [Fact]
    public async Task The_referrals_list_and_its_total_leave_out_a_restricted_child_for_those_kept_out()
    {
        async Task<string> ReferAsync(string tag, string name)
        {
            var child = await _api.CreatePersonAsync(A.Child(name, "Referredchild").Build());
            await _api.RecordAsync(new
            {
                id = $"ref-{tag}", type = "referral", occurredAt = "2026-03-01T10:00:00Z", people = new[] { new { personId = child, role = "child" } },
                data = new { to = "LA-DEVON", kind = "social-care", reason = "Neglect concerns" },
            });
            return child;
        }
        await ReferAsync("open", "Visible");
        var hiddenChild = await ReferAsync("hidden", "Hidden");
        var (named, other) = await RestrictAsync(hiddenChild);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/referrals");
        var (_, shown) = await named.GetJsonAsync("/api/v1/referrals");

        Assert.Equal(1, hidden!["total"]!.GetValue<int>());
        Assert.Equal(2, shown!["total"]!.GetValue<int>());
        Assert.DoesNotContain(hiddenChild, hidden.ToJsonString());
    }

    [Fact]
    public async Task The_forensic_queue_and_its_waiting_figures_leave_out_a_restricted_child_for_those_kept_out()
    {
        var open = await _api.CreatePersonAsync(A.Child("Visible", "Queued").AgedYears(13).Build());
        var hiddenChild = await _api.CreatePersonAsync(A.Child("Hidden", "Queued").AgedYears(13).Build());
        await _api.RecordAsync(Event("q-open", "forensic-request", "2026-02-20T09:00:00Z", open, new { requestId = "DFU-R-OPEN", device = "tablet" }));
        await _api.RecordAsync(Event("q-hidden", "forensic-request", "2026-02-10T09:00:00Z", hiddenChild, new { requestId = "DFU-R-HIDDEN", device = "phone" }));
        var (named, other) = await RestrictAsync(hiddenChild);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/queues/forensic");
        var (_, shown) = await named.GetJsonAsync("/api/v1/queues/forensic");

        Assert.Equal(1, hidden!["figures"]!["waiting"]!.GetValue<int>());
        Assert.Equal(2, shown!["figures"]!["waiting"]!.GetValue<int>());
        // The longest wait is the hidden child's (since 10 February): those kept out see the other one's.
        Assert.True(hidden["figures"]!["longestWaitingDays"]!.GetValue<double>() < shown["figures"]!["longestWaitingDays"]!.GetValue<double>());
        Assert.DoesNotContain(hiddenChild, hidden.ToJsonString());
    }

    [Fact]
    public async Task Police_protection_now_lists_a_restricted_child_only_for_those_named()
    {
        var child = await _api.CreatePersonAsync(A.Child("Hidden", "Protected").AgedYears(6).Build());
        await _api.RecordAsync(Event("pp-hidden", "police-protection", "2026-03-02T08:00:00Z", child,
            new { initiatingOfficer = "PC 101 Ada Obi", designatedOfficer = "Insp 7 Józef Nowak", accommodation = "Emergency foster carer" }));
        var (named, other) = await RestrictAsync(child);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/police-protection/now");
        var (_, shown) = await named.GetJsonAsync("/api/v1/police-protection/now");

        Assert.Empty(hidden!.AsArray());
        Assert.Single(shown!.AsArray());
    }

    [Fact]
    public async Task Alert_totals_leave_out_a_restricted_person_for_those_kept_out()
    {
        // A visit due at 10:00 today, overdue two hours later: the overdue task raises an alert about the offender.
        var child = await _api.CreatePersonAsync(A.Adult("Hidden", "Alerted").Build());
        await _api.RegisterAsync("reg-alerted", child, "2025-12-02T10:00:00Z", manager: "user:om-restrict");
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        using (var scope = _factory.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<ClockWork>().TickAsync();
        var (named, other) = await RestrictAsync(child);

        var hidden = await other.GetAsync("/api/v1/alerts?pageSize=200");
        var shown = await named.GetAsync("/api/v1/alerts?pageSize=200");

        var shownBody = await shown.Content.ReadAsStringAsync();
        Assert.Contains(child, shownBody);
        Assert.DoesNotContain(child, await hidden.Content.ReadAsStringAsync());
        var aboutChild = JsonNode.Parse(shownBody)!.AsArray().Count(a => a!["personId"]!.GetValue<string>() == child);
        Assert.Equal(int.Parse(shown.Headers.GetValues("X-Total-Count").Single()) - aboutChild,
            int.Parse(hidden.Headers.GetValues("X-Total-Count").Single()));
    }

    [Fact]
    public async Task Meeting_actions_and_their_total_leave_out_a_restricted_childs_meeting_for_those_kept_out()
    {
        async Task<string> DiscussAsync(string tag, string name)
        {
            var child = await _api.CreatePersonAsync(A.Child(name, "Discussed").AgedYears(9).Build());
            await _api.RecordAsync(Event($"sd-{tag}", "strategy-discussion", "2026-03-02T08:45:00Z", child, new
            {
                agencies = new[] { "police", "LA-CORN" }, section47 = true,
                decisions = new object[] { new { text = $"Joint visit ({tag})", owner = "LA-CORN", dueDate = "2026-03-03" } },
            }));
            return child;
        }
        await DiscussAsync("open", "Visible");
        var hiddenChild = await DiscussAsync("hidden", "Hidden");
        var (named, other) = await RestrictAsync(hiddenChild);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/actions");
        var (_, shown) = await named.GetJsonAsync("/api/v1/actions");

        Assert.Equal(1, hidden!["total"]!.GetValue<int>());
        Assert.Equal(2, shown!["total"]!.GetValue<int>());
        Assert.DoesNotContain("Joint visit (hidden)", hidden.ToJsonString());
    }

    [Fact]
    public async Task The_investigations_list_and_its_total_leave_out_a_restricted_victim_for_those_kept_out()
    {
        async Task<string> OpenAsync(string tag, string name)
        {
            var child = await _api.CreatePersonAsync(A.Child(name, "Victim").AgedYears(11).Build());
            var (status, _) = await _api.PostJsonAsync("/api/v1/events", new
            {
                id = $"open-{tag}", type = "investigation-opened", occurredAt = "2026-03-01T10:00:00Z",
                people = new[] { new { personId = child, role = "victim" } },
                data = new { investigationId = $"INV-R-{tag}", offenceTypes = new[] { "neglect" } },
            });
            Assert.Equal(HttpStatusCode.Created, status);
            return child;
        }
        await OpenAsync("open", "Visible");
        var hiddenChild = await OpenAsync("hidden", "Hidden");
        var (named, other) = await RestrictAsync(hiddenChild);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/investigations");
        var (_, shown) = await named.GetJsonAsync("/api/v1/investigations");

        Assert.Equal(1, hidden!["total"]!.GetValue<int>());
        Assert.Equal(2, shown!["total"]!.GetValue<int>());
        Assert.DoesNotContain("INV-R-hidden", hidden.ToJsonString());
    }

    [Fact]
    public async Task The_retention_queue_leaves_out_a_restricted_person_for_a_supervisor_kept_out()
    {
        var hiddenChild = await _api.CreatePersonAsync(A.Child("Hidden", "Retained").AgedYears(12).Build());
        await _api.RecordAsync(Event("m-retained", "missing-reported", "2026-03-01T20:00:00Z", hiddenChild,
            new { riskGrade = "low", reportedBy = "parent", lookedAfter = false, lastSeenAt = "2026-03-01T20:00:00Z", lastSeenLocation = "Town centre" }));
        var (named, other) = await RestrictAsync(hiddenChild);
        _factory.Clock.Advance(TimeSpan.FromDays(365.25 * 7));

        var hidden = await other.GetAsync("/api/v1/retention/reviews");
        var shown = await named.GetAsync("/api/v1/retention/reviews");

        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.DoesNotContain(hiddenChild, await hidden.Content.ReadAsStringAsync());
        Assert.Contains(hiddenChild, await shown.Content.ReadAsStringAsync());
        Assert.Equal("0", hidden.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("1", shown.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task Conference_attendance_counts_a_restricted_childs_conference_only_for_those_named()
    {
        async Task<string> ConferenceAsync(string tag, string name)
        {
            var child = await _api.CreatePersonAsync(A.Child(name, "Conferenced").AgedYears(8).Build());
            await _api.RecordAsync(Event($"icpc-{tag}", "meeting", "2026-02-20T10:00:00Z", child,
                new { kind = "icpc", invitedAgencies = new[] { "police", "social-care" }, policeAttended = true, policeAttendee = "DS 77 Ros Tonkin", policeAttendeeRank = "DS", planCategory = "neglect" }));
            return child;
        }
        await ConferenceAsync("open", "Visible");
        var hiddenChild = await ConferenceAsync("hidden", "Hidden");
        var (named, other) = await RestrictAsync(hiddenChild);

        var (_, hidden) = await other.GetJsonAsync("/api/v1/meetings/conference-attendance?from=2026-02-01&to=2026-02-28");
        var (_, shown) = await named.GetJsonAsync("/api/v1/meetings/conference-attendance?from=2026-02-01&to=2026-02-28");

        Assert.Equal(1, hidden!["invited"]!.GetValue<int>());
        Assert.Equal(2, shown!["invited"]!.GetValue<int>());
    }

    [Fact]
    public async Task Missing_now_shows_a_restricted_child_only_to_the_user_named()
    {
        var child = await _api.CreatePersonAsync(A.Child("Morwenna", "Hiddenmissing").AgedYears(14).Build());
        await _api.RecordAsync(Event("m-now", "missing-reported", "2026-03-02T07:00:00Z", child,
            new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = "2026-03-02T06:30:00Z", lastSeenLocation = "Bus station" }));
        var named = await PageSignIn.AsUserAsync(_factory, "named-sup", "supervisor");
        var other = await PageSignIn.AsUserAsync(_factory, "other-sup", "supervisor");
        var (status, _) = await _api.PutJsonAsync($"/api/v1/people/{child}/restriction", new { allowed = new[] { "user:named-sup" }, reason = "Protected witness" });
        Assert.Equal(HttpStatusCode.OK, status);

        var (_, hidden) = await other.GetAsync("/missing/now");
        var (_, shown) = await named.GetAsync("/missing/now");

        Assert.DoesNotContain("Hiddenmissing", hidden);
        Assert.DoesNotContain(child, hidden);
        Assert.Contains("Hiddenmissing", shown);
    }
}
