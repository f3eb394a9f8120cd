using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>A2, D3, P1, P2: the profile draws everything together, is logged, and is hidden from those who may not see it.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public ProfileTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Chronology_shows_every_event_type_newest_first_with_the_childs_role()
    {
        var child = await _api.CreatePersonAsync(A.Child("Mia", "Chronotest").Build());
        var mother = await _api.CreatePersonAsync(A.Adult("Jo", "Chronotest").Build());
        await _api.RecordAsync(new { id = "rel-1", type = "relationship", occurredAt = "2025-01-01T00:00:00Z",
            people = new[] { new { personId = mother, role = "parent" }, new { personId = child, role = "child" } }, data = new { kind = "parent" } });
        await _api.RecordAsync(A.Ppn(child).WithId("ppn-1").At("2026-02-01T10:00:00Z").Build());
        await _api.RecordAsync(new { id = "miss-1", type = "missing-reported", occurredAt = "2026-02-10T20:00:00Z",
            people = new[] { new { personId = child, role = "child" }, new { personId = mother, role = "reporting-person" } },
            data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = "2026-02-10T18:00:00Z" } });
        await _api.RecordAsync(new { id = "found-1", type = "missing-located", occurredAt = "2026-02-11T09:00:00Z",
            people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = "miss-1", locatedAt = "2026-02-11T09:00:00Z", foundLocation = "Bus station" } });

        var (status, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal(HttpStatusCode.OK, status);
        var chronology = profile!["chronology"]!.AsArray();
        Assert.Equal(["found-1", "miss-1", "ppn-1", "rel-1"], chronology.Select(e => e!["eventId"]!.GetValue<string>()));
        Assert.Equal("child", chronology[1]!["role"]!.GetValue<string>());
        Assert.Equal(1, profile["missing"]!["episodes"]!.GetValue<int>());
        var linked = profile["linkedPeople"]!.AsArray().Single()!;
        Assert.Equal(mother, linked["personId"]!.GetValue<string>());
        Assert.Equal("parent", linked["relationship"]!.GetValue<string>());
    }

    [Fact]
    public async Task Profile_as_of_an_earlier_instant_shows_only_what_had_happened_then()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.RecordAsync(A.Ppn(child).WithId("early").At("2026-01-01T10:00:00Z").Build());
        await _api.RecordAsync(A.Ppn(child).WithId("late").At("2026-02-20T10:00:00Z").Build());

        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile?asOf=2026-02-01T00:00:00Z");

        Assert.Equal(["early"], profile!["chronology"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Viewing_a_profile_writes_an_audit_entry_naming_who_and_which_person()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());

        await _api.GetJsonAsync($"/api/v1/people/{child}/profile?reason=strategy%20discussion");

        using var db = _factory.Db();
        var entry = await db.Audit.SingleAsync(a => a.Action == "view" && a.Entity == "profile");
        Assert.Equal(Guid.Parse(child), entry.PersonId);
        Assert.Equal("client:bootstrap", entry.ActorId);
        Assert.Equal("strategy discussion", entry.Reason);
    }

    [Fact]
    public async Task Administrators_can_search_the_audit_log_and_others_cannot()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
        var officer = await _factory.ApiAsAsync("officer");

        var (status, rows) = await _api.GetJsonAsync($"/api/v1/audit?personId={child}");
        var (officerStatus, _) = await officer.GetJsonAsync($"/api/v1/audit?personId={child}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(rows!.AsArray(), r => r!["action"]!.GetValue<string>() == "view");
        Assert.Contains(rows.AsArray(), r => r!["action"]!.GetValue<string>() == "create");
        Assert.Equal(HttpStatusCode.Forbidden, officerStatus);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_deleted_or_changed_even_through_the_database()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        // As the owner: the triggers refuse even someone with the owner's keys (the app's own role has no right to try).
        using var db = _factory.OwnerDb();
        var before = await db.Audit.Where(a => a.PersonId == Guid.Parse(child)).Select(a => new { a.Id, a.Action, a.ActorId }).ToListAsync();

        // The database's own triggers refuse, whichever provider (SqliteException, PostgresException).
        var deleted = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => db.Audit.Where(a => a.PersonId == Guid.Parse(child)).ExecuteDeleteAsync());
        var updated = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(
            () => db.Audit.Where(a => a.PersonId == Guid.Parse(child)).ExecuteUpdateAsync(u => u.SetProperty(a => a.ActorId, "someone-else")));

        Assert.Contains("the access log is append-only", deleted.Message);
        Assert.Contains("the access log is append-only", updated.Message);
        Assert.NotEmpty(before);
        Assert.Equal(before, await db.Audit.Where(a => a.PersonId == Guid.Parse(child)).Select(a => new { a.Id, a.Action, a.ActorId }).ToListAsync());
    }

    [Fact]
    public async Task A_partner_practitioner_sees_no_unshared_record_and_it_looks_like_not_found()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var partner = await _factory.ApiAsAsync("partner-practitioner");

        var (status, body) = await partner.GetJsonAsync($"/api/v1/people/{child}/profile");
        var (unknownStatus, unknownBody) = await partner.GetJsonAsync($"/api/v1/people/{Guid.NewGuid()}/profile");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(unknownStatus, status);
        Assert.Equal(unknownBody!["detail"]!.GetValue<string>(), body!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_restricted_person_is_visible_only_to_those_named_and_administrators()
    {
        var suspect = await _api.CreatePersonAsync(A.Adult("Restricted", "Officer").Build());
        var named = await _factory.IssueTokenAsync("investigator");
        var namedInvestigator = _factory.Api(named.Token);
        var otherInvestigator = await _factory.ApiAsAsync("investigator");

        var (restricted, answer) = await _api.PutJsonAsync($"/api/v1/people/{suspect}/restriction",
            new { allowed = new[] { named.Client.Id.ToString() }, reason = "Subject is a serving officer under investigation" });

        Assert.Equal(HttpStatusCode.OK, restricted);
        Assert.Equal(named.Client.ActorId, answer!["allowed"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await namedInvestigator.GetJsonAsync($"/api/v1/people/{suspect}/profile")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetJsonAsync($"/api/v1/people/{suspect}/profile")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherInvestigator.GetJsonAsync($"/api/v1/people/{suspect}/profile")).Status);
        var (_, hits) = await otherInvestigator.GetJsonAsync("/api/v1/people?name=Restricted%20Officer");
        var (_, namedHits) = await namedInvestigator.GetJsonAsync("/api/v1/people?name=Restricted%20Officer");
        Assert.Empty(hits!.AsArray());
        Assert.Equal(suspect, namedHits!.AsArray().Single()!["id"]!.GetValue<string>());
        var logged = _factory.Db().Audit.Single(a => a.Entity == "restriction" && a.PersonId == Guid.Parse(suspect));
        Assert.Equal("Subject is a serving officer under investigation", logged.Reason);
    }

    [Fact]
    public async Task Lifting_a_restriction_makes_the_person_visible_to_every_police_role_again()
    {
        var person = await _api.CreatePersonAsync(A.Adult("Lifted", "Restriction").Build());
        var investigator = await _factory.ApiAsAsync("investigator");
        await _api.PutJsonAsync($"/api/v1/people/{person}/restriction", new { allowed = new[] { "client:bootstrap" }, reason = "Protected witness" });
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetJsonAsync($"/api/v1/people/{person}")).Status);

        var lifted = await _api.DeleteAsync($"/api/v1/people/{person}/restriction?reason=Trial%20over");

        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await investigator.GetJsonAsync($"/api/v1/people/{person}")).Status);
        var (_, state) = await _api.GetJsonAsync($"/api/v1/people/{person}/restriction");
        Assert.False(state!["restricted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Only_administrators_may_restrict_and_unknown_names_are_refused_without_restricting()
    {
        var person = await _api.CreatePersonAsync(A.Adult("Nearly", "Restricted").Build());
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (bySupervisor, _) = await supervisor.PutJsonAsync($"/api/v1/people/{person}/restriction", new { allowed = new[] { "client:bootstrap" }, reason = "x" });
        var (unknown, problem) = await _api.PutJsonAsync($"/api/v1/people/{person}/restriction", new { allowed = new[] { "user:nobody-here" }, reason = "x" });
        var (noReason, reasonProblem) = await _api.PutJsonAsync($"/api/v1/people/{person}/restriction", new { allowed = new[] { "client:bootstrap" } });

        Assert.Equal(HttpStatusCode.Forbidden, bySupervisor);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("nobody-here", problem!["errors"]!["allowed"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.NotNull(reasonProblem!["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetJsonAsync($"/api/v1/people/{person}")).Status);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_the_profile_with_401_unauthenticated()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var anonymous = _factory.CreateClient();

        var (status, body) = await anonymous.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("unauthenticated", body!["code"]!.GetValue<string>());
    }
}
