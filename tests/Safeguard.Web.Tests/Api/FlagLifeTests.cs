using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>Issue 14 point 6: a flag only takes the steps its life allows (any other answers 409
/// illegal-transition), and merging two records leaves one live flag per code, which an undo separates again.</summary>
public sealed class FlagLifeTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public FlagLifeTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    /// <summary>A child with a cse-risk flag brought to <paramref name="state"/> the way production does it.</summary>
    private async Task<(string Child, string Flag)> FlagInStateAsync(string state, HttpClient officer, HttpClient supervisor, int n)
    {
        var child = await _api.CreatePersonAsync(A.Child("Stepping", $"Flag{state}{n}").BornOn("2012-01-0" + (n % 9 + 1)).Build());
        var raiser = state == "suggested" || state == "rejected" ? officer : supervisor;
        var (_, flag) = await raiser.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cse-risk", reason = "Seen with older men" });
        var id = flag!["id"]!.GetValue<string>();
        if (state == "rejected") await supervisor.PostJsonAsync($"/api/v1/people/{child}/flags/{id}/reject", new { reason = "Explained" });
        if (state == "ended") await supervisor.PostJsonAsync($"/api/v1/people/{child}/flags/{id}/end", new { reason = "Plan worked" });
        if (state == "merged")
        {
            // Another record of the same child holds a confirmed flag of the same code: merging joins this one into it.
            var twin = await _api.CreatePersonAsync(A.Child("Steping", $"Flag{state}{n}").BornOn("2012-01-0" + (n % 9 + 1)).Build());
            await supervisor.PostJsonAsync($"/api/v1/people/{twin}/flags", new { code = "cse-risk", reason = "Disclosed at interview" });
            await supervisor.PostJsonAsync($"/api/v1/people/{twin}/merge", new { otherPersonId = child, reason = "Same child" });
            var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{twin}/profile");
            Assert.Equal("merged", profile!["flags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == id)!["status"]!.GetValue<string>());
            return (twin, id);
        }
        return (child, id);
    }

    [Fact]
    public async Task Every_decision_a_flag_state_does_not_allow_is_refused_as_an_illegal_transition_and_changes_nothing()
    {
        var officer = await _factory.ApiAsAsync("officer");
        var supervisor = await _factory.ApiAsAsync("supervisor");
        string[] states = ["suggested", "confirmed", "rejected", "ended", "merged"];
        string[] decisions = ["confirm", "reject", "end"];
        var legal = new HashSet<(string, string)> { ("suggested", "confirm"), ("suggested", "reject"), ("confirmed", "end") };
        int n = 0;

        foreach (var state in states)
        foreach (var decision in decisions)
        {
            var (child, flag) = await FlagInStateAsync(state, officer, supervisor, n++);
            var (status, body) = await supervisor.PostJsonAsync($"/api/v1/people/{child}/flags/{flag}/{decision}", new { reason = "Deciding" });
            var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");
            var now = profile!["flags"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == flag)!["status"]!.GetValue<string>();

            if (legal.Contains((state, decision)))
            {
                Assert.True(status == HttpStatusCode.OK, $"{state} → {decision} answered {status}");
                Assert.NotEqual(state, now);
            }
            else
            {
                Assert.True(status == HttpStatusCode.Conflict, $"{state} → {decision} answered {status}");
                Assert.Equal("illegal-transition", body!["code"]!.GetValue<string>());
                Assert.Contains($"The flag is {state}", body["detail"]!.GetValue<string>());
                Assert.Equal(state, now);
            }
        }
    }

    private static IEnumerable<JsonNode> Live(JsonNode profile, string code) =>
        profile["flags"]!.AsArray().Where(f => f!["code"]!.GetValue<string>() == code && f["status"]!.GetValue<string>() is "suggested" or "confirmed")!;

    [Fact]
    public async Task Merging_two_records_that_both_hold_a_live_flag_of_one_code_leaves_one_confirmed_flag_with_both_reasons_and_undo_restores_both()
    {
        var officer = await _factory.ApiAsAsync("officer");
        var supervisor = await _factory.ApiAsAsync("supervisor");
        var survivor = await _api.CreatePersonAsync(A.Child("Tia", "Twoflags").BornOn("2012-07-08").Build());
        var duplicate = await _api.CreatePersonAsync(A.Child("Tiah", "Twoflags").BornOn("2012-07-08").Build());
        await officer.PostJsonAsync($"/api/v1/people/{survivor}/flags", new { code = "cse-risk", reason = "Seen getting into cars with older men" });
        await supervisor.PostJsonAsync($"/api/v1/people/{duplicate}/flags", new { code = "cse-risk", reason = "Disclosed an older boyfriend at return interview" });

        var (merged, merge) = await supervisor.PostJsonAsync($"/api/v1/people/{survivor}/merge", new { otherPersonId = duplicate, reason = "Same child, name misspelt" });
        var (_, joined) = await _api.GetJsonAsync($"/api/v1/people/{survivor}/profile");
        var (_, search) = await _api.GetJsonAsync("/api/v1/people?name=Tia%20Twoflags");
        var (undone, _) = await supervisor.PostJsonAsync($"/api/v1/merges/{merge!["id"]}/undo", new { reason = "Twins, not one child" });
        var (_, survivorAfter) = await _api.GetJsonAsync($"/api/v1/people/{survivor}/profile");
        var (_, duplicateAfter) = await _api.GetJsonAsync($"/api/v1/people/{duplicate}/profile");

        Assert.Equal(HttpStatusCode.Created, merged);
        var one = Assert.Single(Live(joined!, "cse-risk"));
        Assert.Equal("confirmed", one["status"]!.GetValue<string>());
        var reasons = one["reasons"]!.AsArray().Select(r => r!["explanation"]!.GetValue<string>()).ToList();
        Assert.Contains("Seen getting into cars with older men", reasons);
        Assert.Contains("Disclosed an older boyfriend at return interview", reasons);
        Assert.Contains(one["history"]!.AsArray(), h => h!["reason"]!.GetValue<string>().StartsWith("Records merged"));
        Assert.Single(search!.AsArray().Single()!["flags"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "cse-risk");

        Assert.Equal(HttpStatusCode.OK, undone);
        var mine = Assert.Single(Live(survivorAfter!, "cse-risk"));
        var theirs = Assert.Single(Live(duplicateAfter!, "cse-risk"));
        Assert.Equal("suggested", mine["status"]!.GetValue<string>());
        Assert.Equal(["Seen getting into cars with older men"], mine["reasons"]!.AsArray().Select(r => r!["explanation"]!.GetValue<string>()));
        Assert.Equal("confirmed", theirs["status"]!.GetValue<string>());
        Assert.Equal(["Disclosed an older boyfriend at return interview"], theirs["reasons"]!.AsArray().Select(r => r!["explanation"]!.GetValue<string>()));
    }
}
