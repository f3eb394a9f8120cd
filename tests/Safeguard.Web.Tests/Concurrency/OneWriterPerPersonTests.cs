using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Concurrency;

/// <summary>Issue 7 point 3: work for one person is done one at a time, so what arrives at the same moment all
/// counts and two decisions on one thing cannot both happen. Meaningful on PostgreSQL, where requests really run
/// side by side (SAFEGUARD_TEST_PROVIDER=postgres); on SQLite the same tests hold through its write lock.</summary>
public sealed class OneWriterPerPersonTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public OneWriterPerPersonTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private static object MissingReport(string id, string child, string at) => new
    {
        id, type = "missing-reported", occurredAt = at,
        people = new[] { new { personId = child, role = "child" } },
        data = new { riskGrade = "low", reportedBy = "childrens-home", lookedAfter = true, lastSeenAt = at, lastSeenLocation = "Children's home" },
    };

    [Fact]
    public async Task Three_missing_reports_for_each_of_fifteen_children_sent_at_once_give_every_child_repeat_missing()
    {
        // MI5: 3 episodes in 90 days. Each child's three reports (4, 11 and 18 February) are sent at the same moment.
        var children = new List<string>();
        for (int i = 0; i < 15; i++) children.Add(await _api.CreatePersonAsync(A.Child("Sim", $"Ultaneous{i:00}").AgedYears(14).Build()));
        string[] days = ["2026-02-04T20:00:00Z", "2026-02-11T20:00:00Z", "2026-02-18T20:00:00Z"];
        var clients = Enumerable.Range(0, 3).Select(_ => _factory.Api()).ToList();

        var answers = await Task.WhenAll(children.SelectMany((child, c) => days.Select((at, d) =>
            clients[d].PostJsonAsync("/api/v1/events", MissingReport($"sim-{c}-{d}", child, at)))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        foreach (var child in children)
        {
            var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
            Assert.Contains(profile!["flags"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "repeat-missing");
            Assert.Contains(profile["alerts"]!.AsArray(), a => a!["code"]!.GetValue<string>() == "repeat-missing");
        }
    }

    [Fact]
    public async Task Two_decisions_on_one_flag_at_once_one_wins_and_the_other_is_refused_with_409()
    {
        var officer = await _factory.ApiAsAsync("officer");
        var (first, second) = (await _factory.ApiAsAsync("supervisor"), await _factory.ApiAsAsync("supervisor"));
        for (int round = 0; round < 5; round++)
        {
            var child = await _api.CreatePersonAsync(A.Child("Decided", $"Once{round}").Build());
            var (_, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cce-risk", reason = "Carrying unexplained cash" });
            var url = $"/api/v1/people/{child}/flags/{flag!["id"]}";

            var answers = await Task.WhenAll(
                first.PostJsonAsync(url + "/confirm", new { reason = "Agreed at the daily meeting" }),
                second.PostJsonAsync(url + "/reject", new { reason = "Cash explained: paper round" }));

            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
            Assert.Contains(refused.Body!["code"]!.GetValue<string>(), new[] { "illegal-transition", "stale-version" });
            var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
            var history = profile!["flags"]![0]!["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()).ToList();
            Assert.Equal(2, history.Count); // suggested, then exactly one decision
        }
    }

    [Fact]
    public async Task Two_merges_of_one_pair_in_opposite_directions_at_once_leave_one_record_standing()
    {
        var (first, second) = (await _factory.ApiAsAsync("supervisor"), await _factory.ApiAsAsync("supervisor"));
        for (int round = 0; round < 5; round++)
        {
            var a = await _api.CreatePersonAsync(A.Child("Mirror", $"Image{round}").BornOn("2013-05-06").Build());
            var b = await _api.CreatePersonAsync(A.Child("Miror", $"Image{round}").BornOn("2013-05-06").Build());

            var answers = await Task.WhenAll(
                first.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = b, reason = "Same child" }),
                second.PostJsonAsync($"/api/v1/people/{b}/merge", new { otherPersonId = a, reason = "Same child" }));

            Assert.Single(answers, x => x.Status == HttpStatusCode.Created);
            Assert.Single(answers, x => x.Status == HttpStatusCode.Conflict);
            var (_, personA) = await _api.GetJsonAsync($"/api/v1/people/{a}");
            var (_, personB) = await _api.GetJsonAsync($"/api/v1/people/{b}");
            Assert.Single(new[] { personA, personB }, p => p!["mergedInto"] is null);
            var (_, found) = await _api.GetJsonAsync($"/api/v1/people?name=Image{round}");
            Assert.Single(found!.AsArray(), p => p!["id"]!.GetValue<string>() == a || p["id"]!.GetValue<string>() == b);
        }
    }

    [Fact]
    public async Task Two_undos_of_one_merge_at_once_undo_it_once()
    {
        var (first, second) = (await _factory.ApiAsAsync("supervisor"), await _factory.ApiAsAsync("supervisor"));
        var a = await _api.CreatePersonAsync(A.Child("Undone", "Once").BornOn("2013-05-06").Build());
        var b = await _api.CreatePersonAsync(A.Child("Undun", "Once").BornOn("2013-05-06").Build());
        var (_, merge) = await first.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = b, reason = "Same child" });
        var url = $"/api/v1/merges/{merge!["id"]}/undo";

        var answers = await Task.WhenAll(first.PostJsonAsync(url, new { reason = "Twins" }), second.PostJsonAsync(url, new { reason = "Twins" }));

        Assert.Single(answers, x => x.Status == HttpStatusCode.OK);
        Assert.Single(answers, x => x.Status == HttpStatusCode.Conflict);
        var (_, history) = await _api.GetJsonAsync($"/api/v1/people/{a}/merges");
        Assert.Equal(2, history!.AsArray().Single()!["version"]!.GetValue<int>());
    }
}
