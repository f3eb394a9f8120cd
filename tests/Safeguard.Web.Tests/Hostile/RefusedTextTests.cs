using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Hostile;

/// <summary>What the hostile-input property found, pinned down one case at a time: text that is not text (control
/// characters, half a surrogate pair) is refused by field with <c>validation-failed</c> and nothing is stored; line breaks
/// and tabs stay welcome in free text; a mistyped version or a period beyond the calendar is a 400, not a 500; and
/// the framework's own 404 and 405 read like every other refusal.</summary>
public sealed class RefusedTextTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private static object Missing(string id, string child, object data) => new
    {
        id, type = "missing-reported", occurredAt = "2026-03-01T21:14:00Z", people = new[] { new { personId = child, role = "child" } }, data,
    };

    [Theory]
    [InlineData("lastSeenLocation", "Bus\u0000station")]
    [InlineData("lastSeenLocation", "Bus\nstation")] // a place is one line
    [InlineData("circumstances", "Left with\u001b[31m a man")]
    [InlineData("circumstances", "Left\u0007 school")]
    public async Task A_control_character_in_event_data_is_refused_at_its_field_and_nothing_is_stored(string field, string value)
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child().Build());
        var data = new Dictionary<string, object> { ["riskGrade"] = "medium", ["reportedBy"] = "parent", ["lookedAfter"] = false, ["lastSeenAt"] = "2026-03-01T18:00:00Z", [field] = value };

        var (status, problem) = await api.PostJsonAsync("/api/v1/events", Missing("ctl-1", child, data));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
        Assert.Contains("control characters", problem["errors"]!["data." + field]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetJsonAsync("/api/v1/events/ctl-1")).Status);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_in_free_text_are_kept_as_written()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child().Build());
        var circumstances = "Did not come home from school.\r\nMum rang at 18:30.\tPhone off.";

        await api.RecordAsync(Missing("free-text-1", child, new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false,
            lastSeenAt = "2026-03-01T18:00:00Z", circumstances }));

        var (_, stored) = await api.GetJsonAsync("/api/v1/events/free-text-1");
        Assert.Equal(circumstances, stored!["data"]!["circumstances"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/api/v1/people", "{\"forename\":\"Ava\",\"surname\":\"Moss\\ud800\"}", "surname")]
    [InlineData("/api/v1/people", "{\"forename\":\"Ava\",\"surname\":\"Moss\",\"aliases\":[\"\\udfff\"]}", "aliases[0]")]
    [InlineData("/api/v1/bank-holidays", "{\"date\":\"2026-12-29\",\"name\":\"Extra\\u0000day\"}", "name")]
    public async Task Half_a_surrogate_pair_or_a_nul_anywhere_in_a_body_is_refused_by_field(string url, string body, string field)
    {
        var api = _factory.Api();
        await using var before = _factory.Db();
        var people = before.People.Count();

        var (status, problem) = await api.PostRawAsync(url, body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("validation-failed", problem!["code"]!.GetValue<string>());
        Assert.NotNull(problem["errors"]![field]);
        await using var after = _factory.Db();
        Assert.Equal(people, after.People.Count());
    }

    [Fact]
    public async Task A_correction_whose_expected_version_is_not_a_number_is_refused_not_a_server_error()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child().Build());
        await api.RecordAsync(A.Ppn(child).WithId("to-correct").Build());

        var (eventStatus, eventProblem) = await api.PostRawAsync("/api/v1/events/to-correct/corrections",
            "{\"reason\":\"Typo\",\"expectedVersion\":[1],\"occurredAt\":\"2026-03-01T20:00:00Z\"}");
        var (personStatus, personProblem) = await api.PostRawAsync($"/api/v1/people/{child}/corrections",
            "{\"reason\":\"Typo\",\"expectedVersion\":\"one\",\"forename\":\"Eva\"}");

        Assert.Equal(HttpStatusCode.BadRequest, eventStatus);
        Assert.Equal("validation-failed", eventProblem!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, personStatus);
        Assert.NotNull(personProblem!["errors"]!["expectedVersion"]);
    }

    [Theory]
    [InlineData("?to=9999-12-31T23:59:59%2B14:00", "to")]
    [InlineData("?from=0001-01-01T00:00:00Z", "from")]
    public async Task A_measures_period_beyond_the_calendar_is_refused_not_a_server_error(string query, string field)
    {
        var (status, problem) = await _factory.Api().GetJsonAsync("/api/v1/measures" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", 404, "not-found")]
    [InlineData("GET", "/api/v1/people/not-a-guid/profile", 404, "not-found")]
    [InlineData("DELETE", "/api/v1/events/some-event", 405, "method-not-allowed")]
    public async Task The_frameworks_own_refusals_carry_a_stable_code_like_every_other(string method, string url, int expected, string code)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await _factory.Api().SendAsync(request);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal($"https://safeguard.example/problems/{code}", problem["type"]!.GetValue<string>());
    }
}
