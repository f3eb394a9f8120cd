using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>P3: bad input gets problem details with a stable code, never a 500, and changes nothing.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_barrage_of_bad_requests_gets_problem_details_and_leaves_the_database_unchanged()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child().Build());
        await api.RecordAsync(A.Ppn(child).WithId("kept").Build());
        var before = Snapshot();
        var unknownPerson = Guid.NewGuid().ToString();
        var huge = new string('x', 1_100_000);

        var requests = new (string Url, string Body, string? ContentType, HttpStatusCode Status, string Code)[]
        {
            ("/api/v1/events", "{\"id\": 1, \"type\": ", null, HttpStatusCode.BadRequest, "malformed-json"),
            ("/api/v1/events", "", null, HttpStatusCode.BadRequest, "malformed-json"),
            ("/api/v1/events", "[1,2,3]", null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", "\"just text\"", null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(new { id = "x1", type = "teleportation", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data = new { } }), null, HttpStatusCode.BadRequest, "unknown-event-type"),
            ("/api/v1/events", Json(new { id = "x2", type = "missing-reported", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data = new { riskGrade = 5, reportedBy = "parent", lookedAfter = "yes", lastSeenAt = "yesterday" } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(new { id = "x3", type = "ppn", occurredAt = "not a date", people = new[] { new { personId = child, role = "child" } }, data = new { concerns = new[] { "neglect" } } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(new { id = "x4", type = "ppn", occurredAt = "2026-03-01T21:14:00", people = new[] { new { personId = child, role = "child" } }, data = new { concerns = new[] { "neglect" } } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(new { id = "x5", type = "ppn", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "wizard" } }, data = new { concerns = new[] { "neglect" } } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(A.Ppn(unknownPerson).WithId("x6").Build()), null, HttpStatusCode.UnprocessableEntity, "unknown-person"),
            ("/api/v1/events", Json(new { id = "x7", type = "missing-located", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data = new { missingEventId = "no-such-episode", locatedAt = "2026-03-01T23:00:00Z" } }), null, HttpStatusCode.UnprocessableEntity, "unknown-event"),
            ("/api/v1/events", Json(new { id = "x7b", type = "missing-located", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data = new { missingEventId = "kept", locatedAt = "2026-03-01T23:00:00Z" } }), null, HttpStatusCode.UnprocessableEntity, "unknown-event"),
            ("/api/v1/events", Json(new { id = "x7c", type = "ppn", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data = new { concerns = new[] { "neglect" }, children = new object[] { 1, new { personId = 5 } } } }), null, HttpStatusCode.UnprocessableEntity, "unknown-person"),
            ("/api/v1/events", Json(new { id = "x8", type = "ppn", occurredAt = "2026-03-01T21:14:00Z", people = Array.Empty<object>(), data = new { } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(new { id = "x9", type = "ppn", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data = new { concerns = "neglect" } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/events", Json(new { events = new[] { A.Ppn(child).WithId("y1").Build(), A.Ppn(unknownPerson).WithId("y2").Build() } }), null, HttpStatusCode.UnprocessableEntity, "unknown-person"),
            ("/api/v1/events", Json(new { id = "big", type = "ppn", summary = huge }), null, HttpStatusCode.RequestEntityTooLarge, "body-too-large"),
            ("/api/v1/events", Json(A.Ppn(child).WithId("x10").Build()), "text/plain", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
            ("/api/v1/people", Json(new { forename = 12, surname = "Test" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/people", Json(new { forename = "", surname = "" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/people", Json(new { forename = "Al", surname = "Test", dateOfBirth = "2014-02-30" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            // Control characters (NUL is refused by PostgreSQL) in the other fields of a person: refused, never a 500.
            ("/api/v1/people", Json(new { forename = "Al", surname = "Test", gender = "f\u0000" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/people", Json(new { forename = "Al", surname = "Test", address = new { line1 = "1 Mill\u0000Lane", town = "Exeter\u0007", postcode = "EX1\u00001AA" } }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ("/api/v1/people", Json(new { forename = "Al", surname = "Test", address = "not an object" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ($"/api/v1/people/{child}/flags", Json(new { code = "made-up-flag", reason = "because" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ($"/api/v1/people/{child}/flags", Json(new { code = "cse-risk" }), null, HttpStatusCode.BadRequest, "validation-failed"),
            ($"/api/v1/people/{unknownPerson}/flags", Json(new { code = "cse-risk", reason = "x" }), null, HttpStatusCode.NotFound, "not-found"),
            ($"/api/v1/people/{child}/flags/{Guid.NewGuid()}/end", Json(new { reason = "x" }), null, HttpStatusCode.NotFound, "not-found"),
        };

        foreach (var (url, body, contentType, expected, code) in requests)
        {
            var (status, problem) = await api.PostRawAsync(url, body, contentType ?? "application/json");
            Assert.True(expected == status, $"{url} {Preview(body)} answered {status}, expected {expected}: {problem}");
            Assert.Equal(code, problem?["code"]?.GetValue<string>());
        }

        var unknownProfile = await api.GetJsonAsync($"/api/v1/people/{unknownPerson}/profile");
        Assert.Equal(HttpStatusCode.NotFound, unknownProfile.Status);
        Assert.Equal("not-found", unknownProfile.Body!["code"]!.GetValue<string>());
        var badAsOf = await api.GetJsonAsync($"/api/v1/people/{child}/profile?asOf=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badAsOf.Status);
        Assert.Equal("validation-failed", badAsOf.Body!["code"]!.GetValue<string>());
        var badBirthYear = await api.GetJsonAsync("/api/v1/people?name=Test&dateOfBirth=9999");
        Assert.Equal(HttpStatusCode.BadRequest, badBirthYear.Status);
        Assert.Equal("validation-failed", badBirthYear.Body!["code"]!.GetValue<string>());
        var badLimit = await api.GetJsonAsync("/api/v1/audit?limit=lots");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.Status);
        Assert.Equal("bad-request", badLimit.Body!["code"]!.GetValue<string>());

        Assert.Equal(before, Snapshot());
    }

    private (int People, int Events, int Participants, int Flags, int Versions, int Tasks, int Alerts, int Relationships, int Reviews) Snapshot()
    {
        using var db = _factory.Db();
        return (db.People.Count(), db.Events.Count(), db.EventParticipants.Count(), db.Flags.Count(), db.EventVersions.Count(),
            db.Tasks.Count(), db.Alerts.Count(), db.Relationships.Count(), db.MatchReviews.Count());
    }

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);
    private static string Preview(string s) => s.Length > 120 ? s[..120] + "..." : s;
}
