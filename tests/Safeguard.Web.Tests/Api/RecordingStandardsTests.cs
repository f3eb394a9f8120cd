using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>B1, B2, B4 and idempotency (P4) through POST /api/v1/events.</summary>
public sealed class RecordingStandardsTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RecordingStandardsTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("demeanour", "missing-demeanour")]
    [InlineData("childViews", "missing-child-views")]
    [InlineData("immediateActions", "missing-immediate-actions")]
    [InlineData("referredToSocialCare", "missing-referral-decision")]
    public async Task Ppn_without_a_required_observation_is_refused_with_its_code(string field, string code)
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", A.Ppn(child).Without(field).Build());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(code, body!["code"]!.GetValue<string>());
        Assert.NotNull(body["errors"]);
        Assert.Equal(0, _factory.Db().Events.Count());
    }

    [Fact]
    public async Task Ppn_may_give_the_reason_demeanour_and_views_could_not_be_obtained()
    {
        var child = await _api.CreatePersonAsync(A.Child().AgedYears(1).Build());
        var ppn = A.Ppn(child).Without("demeanour").Without("childViews")
            .With("demeanourNotObservedReason", "asleep").With("childViewsNotObtainedReason", "pre-verbal").Build();

        var (status, _) = await _api.PostJsonAsync("/api/v1/events", ppn);

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Ppn_not_referred_to_social_care_needs_the_reason()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", A.Ppn(child).With("referredToSocialCare", false).Build());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("missing-referral-decision", body!["code"]!.GetValue<string>());
        Assert.Contains("data.notReferredReason", body["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var (_, body) = await _api.PostJsonAsync("/api/v1/events",
            A.Ppn(child).Without("demeanour").Without("childViews").Without("immediateActions").Build());

        var fields = body!["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Equal(["data.childViews", "data.demeanour", "data.immediateActions"], fields.Order());
    }

    [Fact]
    public async Task Repeating_an_event_with_the_same_id_and_body_stores_it_once()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var ppn = A.Ppn(child).WithId("ppn-repeat-1").Build();

        var first = await _api.PostJsonAsync("/api/v1/events", ppn);
        var second = await _api.PostJsonAsync("/api/v1/events", ppn);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("ppn-repeat-1", second.Body!["eventId"]!.GetValue<string>());
        Assert.Equal(1, _factory.Db().Events.Count());
    }

    [Fact]
    public async Task The_same_id_with_a_changed_body_is_a_conflict_and_changes_nothing()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-conflict").Build());

        var (status, body) = await _api.PostJsonAsync("/api/v1/events", A.Ppn(child).WithId("ppn-conflict").With("riskGrade", "high").Build());

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("conflict", body!["code"]!.GetValue<string>());
        Assert.Contains("medium", _factory.Db().Events.Single().Data);
    }

    [Fact]
    public async Task Domestic_abuse_incident_needs_each_childs_demeanour_and_whether_seen_and_spoken_to()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var victim = await _api.CreatePersonAsync(A.Adult("Dee", "Testvictim").Build());
        object Incident(string id, object[] children) => new
        {
            id, type = "incident", occurredAt = "2026-03-01T22:00:00Z",
            people = new object[] { new { personId = victim, role = "victim" }, new { personId = child, role = "child" } },
            data = new { classifications = new[] { "domestic-abuse" }, summary = "Argument, neighbour called", riskGrade = "medium", children },
        };

        var refused = await _api.PostJsonAsync("/api/v1/events", Incident("da-1", []));
        var noSeen = await _api.PostJsonAsync("/api/v1/events", Incident("da-1", [new { personId = child, demeanour = "Crying, clinging to mother" }]));
        var accepted = await _api.PostJsonAsync("/api/v1/events",
            Incident("da-1", [new { personId = child, demeanour = "Crying, clinging to mother", seenAndSpokenTo = true }]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("missing-demeanour", refused.Body!["code"]!.GetValue<string>());
        Assert.Equal("missing-seen-and-spoken-to", noSeen.Body!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, accepted.Status);
    }

    [Fact]
    public async Task A_police_station_is_never_a_place_of_safety_for_a_child()
    {
        var child = await _api.CreatePersonAsync(A.Child().AgedYears(15).Build());
        var (status, body) = await _api.PostJsonAsync("/api/v1/events", new
        {
            id = "s136-1", type = "s136-detention", occurredAt = "2026-03-01T22:00:00Z",
            people = new[] { new { personId = child, role = "child" } }, data = new { placeOfSafety = "police-station" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("police-station-not-place-of-safety", body!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_correction_makes_a_new_version_and_keeps_the_old_one_with_who_and_why()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-corrected").Build());

        var corrected = A.Ppn(child).With("riskGrade", "high").Build();
        var data = System.Text.Json.JsonSerializer.SerializeToNode(corrected)!["data"];
        var (status, _) = await _api.PostJsonAsync("/api/v1/events/ppn-corrected/corrections", new { data, reason = "Risk re-graded after the supervisor's review", expectedVersion = 1 });
        var (_, ev) = await _api.GetJsonAsync("/api/v1/events/ppn-corrected");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, ev!["version"]!.GetValue<int>());
        Assert.Equal("high", ev["data"]!["riskGrade"]!.GetValue<string>());
        var previous = ev["previousVersions"]!.AsArray().Single()!;
        Assert.Equal("medium", previous["data"]!["riskGrade"]!.GetValue<string>());
        Assert.Equal("Risk re-graded after the supervisor's review", previous["reason"]!.GetValue<string>());
        Assert.Equal("client:bootstrap", previous["changedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_is_all_or_nothing()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var (status, _) = await _api.PostJsonAsync("/api/v1/events", new
        {
            events = new[] { A.Ppn(child).WithId("b-1").Build(), A.Ppn(child).WithId("b-2").Without("childViews").Build() },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(0, _factory.Db().Events.Count());
    }
}
