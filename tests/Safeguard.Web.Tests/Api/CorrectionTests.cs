using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Exploitation;
using Safeguard.Web.Tests.Missing;

namespace Safeguard.Web.Tests.Api;

/// <summary>Corrections as full revisions (A3, issue 7 point 5, issue 14 point 6): time, people and data may
/// change, every check a new event passes runs again, stale corrections are refused, every version is readable.</summary>
public sealed class CorrectionTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public CorrectionTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<(System.Net.HttpStatusCode Status, System.Text.Json.Nodes.JsonNode? Body)> CorrectAsync(string id, object correction) =>
        await _api.PostJsonAsync($"/api/v1/events/{id}/corrections", correction);

    private async Task<int> VersionOfAsync(string id) => (await _api.GetJsonAsync($"/api/v1/events/{id}")).Body!["version"]!.GetValue<int>();

    [Fact]
    public async Task A_correction_that_would_name_a_child_over_the_cawn_age_limit_is_refused_and_changes_nothing()
    {
        var young = await _api.CreatePersonAsync(A.Child("Mia", "Cawnyoung").AgedYears(14).Build());
        var older = await _api.CreatePersonAsync(A.Child("Ella", "Cawnolder").AgedYears(17).Build());
        var man = await _api.CreatePersonAsync(A.Adult("Ray", "Cawnsuspect").Build());
        await _api.RecordAsync(CseScenarioTests.Cawn("cawn-1", young, man, "none"));

        var (status, problem) = await CorrectAsync("cawn-1", new
        {
            reason = "Wrong child selected", expectedVersion = 1,
            people = new[] { new { personId = man, role = "suspect" }, new { personId = older, role = "child" } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("cawn-age-rule", problem!["code"]!.GetValue<string>());
        var (_, stored) = await _api.GetJsonAsync("/api/v1/events/cawn-1");
        Assert.Equal(1, stored!["version"]!.GetValue<int>());
        Assert.Contains(stored["people"]!.AsArray(), p => p!["personId"]!.GetValue<string>() == young);
        Assert.DoesNotContain(stored["people"]!.AsArray(), p => p!["personId"]!.GetValue<string>() == older);
    }

    [Fact]
    public async Task A_correction_that_references_an_unknown_event_is_refused_and_changes_nothing()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.ReportAsync("miss-1", child, "2026-02-20T18:00:00Z");
        await _api.LocateAsync("found-1", "miss-1", child, "2026-02-21T09:00:00Z", "Bus station");

        var (status, problem) = await CorrectAsync("found-1", new
        {
            reason = "Linked to the wrong report", expectedVersion = 1,
            data = new { missingEventId = "no-such-report", locatedAt = "2026-02-21T09:00:00Z", foundLocation = "Bus station" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("unknown-event", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["data.missingEventId"]);
        Assert.Equal(1, await VersionOfAsync("found-1"));
    }

    [Fact]
    public async Task A_correction_that_breaks_a_recording_standard_is_refused_like_a_new_event()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-1").Build());
        var data = System.Text.Json.JsonSerializer.SerializeToNode(A.Ppn(child).Without("childViews").Build())!["data"];

        var (status, problem) = await CorrectAsync("ppn-1", new { reason = "Tidy up", expectedVersion = 1, data });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("missing-child-views", problem!["code"]!.GetValue<string>());
        Assert.Equal(1, await VersionOfAsync("ppn-1"));
    }

    [Fact]
    public async Task A_correction_based_on_an_older_version_answers_409_stale_version()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-2").Build());
        var first = await CorrectAsync("ppn-2", new { reason = "Time was wrong", expectedVersion = 1, occurredAt = "2026-03-01T20:00:00Z" });

        var (status, problem) = await CorrectAsync("ppn-2", new { reason = "Time was wrong too", expectedVersion = 1, occurredAt = "2026-03-01T19:00:00Z" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("stale-version", problem!["code"]!.GetValue<string>());
        var (_, stored) = await _api.GetJsonAsync("/api/v1/events/ppn-2");
        Assert.Equal(2, stored!["version"]!.GetValue<int>());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero), stored["occurredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_correction_without_expected_version_is_a_bad_request()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-3").Build());

        var (status, problem) = await CorrectAsync("ppn-3", new { reason = "Time was wrong", occurredAt = "2026-03-01T20:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["expectedVersion"]);
    }

    [Fact]
    public async Task Correcting_time_and_people_makes_a_new_version_and_every_version_is_listed_with_who_when_and_why()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var wrong = await _api.CreatePersonAsync(A.Adult("Wrong", "Witness").Build());
        var right = await _api.CreatePersonAsync(A.Adult("Right", "Witness").Build());
        var ppn = System.Text.Json.JsonSerializer.SerializeToNode(A.Ppn(child).WithId("ppn-4").Build())!;
        ppn["people"]!.AsArray().Add(System.Text.Json.JsonSerializer.SerializeToNode(new { personId = wrong, role = "witness" }));
        await _api.RecordAsync(ppn);
        var (_, wrongBefore) = await _api.GetJsonAsync($"/api/v1/people/{wrong}/profile");
        _factory.Clock.Advance(TimeSpan.FromHours(2));

        var (status, answer) = await CorrectAsync("ppn-4", new
        {
            reason = "The witness was the neighbour, not the lodger", expectedVersion = 1, occurredAt = "2026-03-01T18:30:00Z",
            people = new[] { new { personId = child, role = "child" }, new { personId = right, role = "witness" } },
        });
        var (_, versions) = await _api.GetJsonAsync("/api/v1/events/ppn-4/versions");
        var (_, profileOfWrong) = await _api.GetJsonAsync($"/api/v1/people/{wrong}/profile");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, answer!["version"]!.GetValue<int>());
        var list = versions!.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Null(list[0]!["reason"]);
        Assert.Equal("The witness was the neighbour, not the lodger", list[1]!["reason"]!.GetValue<string>());
        Assert.Equal("client:bootstrap", list[1]!["by"]!.GetValue<string>());
        Assert.Equal(_factory.Clock.GetUtcNow(), list[1]!["at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 18, 30, 0, TimeSpan.Zero), list[1]!["occurredAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains(list[1]!["people"]!.AsArray(), p => p!["personId"]!.GetValue<string>() == right);
        Assert.DoesNotContain(list[0]!["people"]!.AsArray(), p => p!["personId"]!.GetValue<string>() == right);
        Assert.Single(wrongBefore!["chronology"]!.AsArray());
        Assert.Empty(profileOfWrong!["chronology"]!.AsArray());
    }

    [Fact]
    public async Task A_person_correction_changes_only_the_fields_sent_keeps_every_version_and_refuses_a_stale_one()
    {
        var child = await _api.CreatePersonAsync(A.Child("Lily", "Smyth").LivingAt("LS1 4AB").Build());

        var (status, _) = await _api.PostJsonAsync($"/api/v1/people/{child}/corrections",
            new { reason = "Surname misspelt at first contact", expectedVersion = 1, surname = "Smith" });
        var (stale, problem) = await _api.PostJsonAsync($"/api/v1/people/{child}/corrections",
            new { reason = "Another go", expectedVersion = 1, surname = "Smithe" });
        var (_, versions) = await _api.GetJsonAsync($"/api/v1/people/{child}/versions");
        var (_, person) = await _api.GetJsonAsync($"/api/v1/people/{child}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("stale-version", problem!["code"]!.GetValue<string>());
        Assert.Equal("Smith", person!["surname"]!.GetValue<string>());
        Assert.Equal("LS1 4AB", person["address"]!["postcode"]!.GetValue<string>());
        var list = versions!.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Equal("Smyth", list[0]!["details"]!["surname"]!.GetValue<string>());
        Assert.Equal("Smith", list[1]!["details"]!["surname"]!.GetValue<string>());
        Assert.Equal("Surname misspelt at first contact", list[1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Correcting_the_people_of_a_relationship_event_corrects_the_relationship_shown_on_the_profile()
    {
        var child = await _api.CreatePersonAsync(A.Child("Mia", "Relchild").Build());
        var wrongCarer = await _api.CreatePersonAsync(A.Adult("Wrong", "Relcarer").Build());
        var rightCarer = await _api.CreatePersonAsync(A.Adult("Right", "Relcarer").Build());
        await _api.RecordAsync(new { id = "rel-1", type = "relationship", occurredAt = "2025-01-01T00:00:00Z",
            people = new[] { new { personId = wrongCarer, role = "carer" }, new { personId = child, role = "child" } }, data = new { kind = "carer" } });

        var (status, _) = await CorrectAsync("rel-1", new
        {
            reason = "The carer is the grandmother, not the aunt", expectedVersion = 1,
            people = new[] { new { personId = rightCarer, role = "carer" }, new { personId = child, role = "child" } },
        });
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal(HttpStatusCode.OK, status);
        var linked = profile!["linkedPeople"]!.AsArray().Single()!;
        Assert.Equal(rightCarer, linked["personId"]!.GetValue<string>());
        Assert.Equal("carer", linked["relationship"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_version_kept_before_people_could_be_corrected_is_listed_with_the_people_of_the_version_after_it()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-old").Build());
        using (var db = _factory.Db())
        {
            // As the CasesProjections migration leaves a version stored by the earlier, data-only corrections.
            var stored = await db.Events.SingleAsync(e => e.Id == "ppn-old");
            db.EventVersions.Add(new Core.Records.EventVersion
            {
                EventId = stored.Id, Version = 1, Data = stored.Data, OccurredAt = stored.OccurredAt, People = "",
                ChangedAt = stored.RecordedAt, ChangedBy = "user:someone", Reason = "Regraded",
            });
            stored.Version = 2;
            await db.SaveChangesAsync();
        }

        var (status, versions) = await _api.GetJsonAsync("/api/v1/events/ppn-old/versions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.All(versions!.AsArray(), v => Assert.Equal(child, v!["people"]!.AsArray().Single()!["personId"]!.GetValue<string>()));
    }
}
