using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;
using Safeguard.Web.Tests.Import;

namespace Safeguard.Web.Tests.Matching;

/// <summary>D5, O: possible matches wait in a queue; "link" merges the records, "keep apart" does not;
/// only supervisors, investigators and administrators decide; every decision is audited.</summary>
public sealed class MatchReviewTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MatchReviewTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<(string Existing, JsonNode Review)> QueuedReviewAsync()
    {
        var existing = await _api.CreatePersonAsync(A.Child("Jessica", "Testwood").BornOn("2014-04-03").LivingAt("ZZ3 3AA").Build());
        await ImportRunner.RunAsync(_factory, ImportRunner.PeopleMapping, "people.csv", """
            Ref,First,Last,DOB,Sex,Postcode
            P1,Jess,Testwod,04/03/2014,F,
            """);
        var (_, list) = await _api.GetJsonAsync("/api/v1/match-reviews?status=open");
        return (existing, list!.AsArray().Single()!);
    }

    [Fact]
    public async Task Linking_merges_the_new_record_into_the_existing_one()
    {
        var (existing, review) = await QueuedReviewAsync();
        var incoming = review["incoming"]!["id"]!.GetValue<string>();
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (status, decided) = await supervisor.PostJsonAsync($"/api/v1/match-reviews/{review["id"]}/decision",
            new { decision = "link", reason = "Same school and mother named in both records" });
        var (_, person) = await _api.GetJsonAsync($"/api/v1/people/{incoming}");
        var (_, search) = await _api.GetJsonAsync("/api/v1/people?name=Testwod");
        var (_, audit) = await _api.GetJsonAsync($"/api/v1/audit?personId={incoming}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("linked", decided!["status"]!.GetValue<string>());
        Assert.NotNull(decided["mergeId"]);
        Assert.Equal(existing, person!["mergedInto"]!.GetValue<string>());
        Assert.DoesNotContain(search!.AsArray(), p => p!["id"]!.GetValue<string>() == incoming);
        Assert.Contains(audit!.AsArray(), a => a!["entity"]!.GetValue<string>() == "match-review" && a["reason"]?.GetValue<string>() == "Same school and mother named in both records");
    }

    [Fact]
    public async Task Keeping_apart_leaves_both_records_and_cannot_be_decided_twice()
    {
        var (_, review) = await QueuedReviewAsync();
        var incoming = review["incoming"]!["id"]!.GetValue<string>();
        var url = $"/api/v1/match-reviews/{review["id"]}/decision";

        var (withoutReason, _) = await _api.PostJsonAsync(url, new { decision = "keep-apart" });
        var (status, decided) = await _api.PostJsonAsync(url, new { decision = "keep-apart", reason = "Different mothers; twins ruled out" });
        var (again, _) = await _api.PostJsonAsync(url, new { decision = "link", reason = "Changed my mind" });
        var (_, person) = await _api.GetJsonAsync($"/api/v1/people/{incoming}");
        var (_, open) = await _api.GetJsonAsync("/api/v1/match-reviews?status=open");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("kept-apart", decided!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Null(person!["mergedInto"]);
        Assert.Empty(open!.AsArray());
    }

    [Fact]
    public async Task An_officer_can_neither_see_nor_decide_the_queue()
    {
        var (_, review) = await QueuedReviewAsync();
        var officer = await _factory.ApiAsAsync("officer");

        var (list, _) = await officer.GetJsonAsync("/api/v1/match-reviews");
        var (decide, _) = await officer.PostJsonAsync($"/api/v1/match-reviews/{review["id"]}/decision", new { decision = "link", reason = "Looks alike" });

        Assert.Equal(HttpStatusCode.Forbidden, list);
        Assert.Equal(HttpStatusCode.Forbidden, decide);
    }

    [Fact]
    public async Task A_review_decided_on_an_older_version_is_refused_as_stale_and_stays_open()
    {
        var (_, review) = await QueuedReviewAsync();
        var url = $"/api/v1/match-reviews/{review["id"]}/decision";

        var (stale, refusal) = await _api.PostJsonAsync(url, new { decision = "keep-apart", reason = "Different mothers", expectedVersion = 2 });
        var (_, open) = await _api.GetJsonAsync("/api/v1/match-reviews?status=open");
        var (decided, body) = await _api.PostJsonAsync(url, new { decision = "keep-apart", reason = "Different mothers", expectedVersion = 1 });

        Assert.Equal(1, review["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("stale-version", refusal!["code"]!.GetValue<string>());
        Assert.Single(open!.AsArray());
        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal(2, body!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_decisions_on_one_review_at_once_one_wins_and_the_other_is_refused()
    {
        var (existing, review) = await QueuedReviewAsync();
        var incoming = review["incoming"]!["id"]!.GetValue<string>();
        var url = $"/api/v1/match-reviews/{review["id"]}/decision";
        var (first, second) = (await _factory.ApiAsAsync("supervisor"), await _factory.ApiAsAsync("supervisor"));

        var answers = await Task.WhenAll(
            first.PostJsonAsync(url, new { decision = "link", reason = "Same school" }),
            second.PostJsonAsync(url, new { decision = "keep-apart", reason = "Different mothers" }));
        var (_, decided) = await _api.GetJsonAsync($"/api/v1/match-reviews/{review["id"]}");
        var (_, person) = await _api.GetJsonAsync($"/api/v1/people/{incoming}");

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Equal(winner.Body!["status"]!.GetValue<string>(), decided!["status"]!.GetValue<string>());
        Assert.Equal(decided["status"]!.GetValue<string>() == "linked" ? existing : null, person!["mergedInto"]?.GetValue<string>());
    }
}
