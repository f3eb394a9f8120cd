using System.Net;
using System.Text.Json.Nodes;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Matching;

/// <summary>D2, A3: duplicates merged by an authorised user, with history, and reversibly.</summary>
public sealed class MergeTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MergeTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<string[]> ChronologyAsync(string personId)
    {
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{personId}/profile");
        return profile!["chronology"]!.AsArray().Select(e => e!["eventId"]!.GetValue<string>()).Order().ToArray();
    }

    private async Task<string[]> FlagCodesAsync(string personId)
    {
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{personId}/profile");
        return profile!["flags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).Order().ToArray();
    }

    [Fact]
    public async Task Merging_then_undoing_restores_both_chronologies_exactly()
    {
        var survivor = await _api.CreatePersonAsync(A.Child("Testi", "Mergeone").BornOn("2013-05-06").Build());
        var duplicate = await _api.CreatePersonAsync(A.Child("Testy", "Mergeone").BornOn("2013-05-06").Build());
        await _api.RecordAsync(A.Ppn(survivor).WithId("ppn-survivor").Build());
        await _api.RecordAsync(A.Ppn(duplicate).WithId("ppn-duplicate").At("2026-02-01T10:00:00Z").Build());
        await _api.PostJsonAsync($"/api/v1/people/{duplicate}/flags", new { code = "cse-risk", reason = "Seen with older men", eventIds = new[] { "ppn-duplicate" } });
        var before = (await ChronologyAsync(survivor), await ChronologyAsync(duplicate));
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (merged, merge) = await supervisor.PostJsonAsync($"/api/v1/people/{survivor}/merge", new { otherPersonId = duplicate, reason = "Same child, name misspelt" });
        var joined = await ChronologyAsync(survivor);
        var joinedFlags = await FlagCodesAsync(survivor);
        var (_, mergedPerson) = await _api.GetJsonAsync($"/api/v1/people/{duplicate}");
        var (_, search) = await _api.GetJsonAsync("/api/v1/people?name=Mergeone");

        var (undone, _) = await supervisor.PostJsonAsync($"/api/v1/merges/{merge!["id"]}/undo", new { reason = "Twins, not one child" });
        var after = (await ChronologyAsync(survivor), await ChronologyAsync(duplicate));
        var (_, restored) = await _api.GetJsonAsync($"/api/v1/people/{duplicate}");
        var (_, audit) = await _api.GetJsonAsync($"/api/v1/audit?personId={duplicate}");

        Assert.Equal(HttpStatusCode.Created, merged);
        Assert.Equal(["ppn-duplicate", "ppn-survivor"], joined);
        Assert.Equal(["cse-risk"], joinedFlags);
        Assert.Equal(survivor, mergedPerson!["mergedInto"]!.GetValue<string>());
        Assert.Equal([survivor], search!.AsArray().Select(p => p!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, undone);
        Assert.Equal(before.Item1, after.Item1);
        Assert.Equal(before.Item2, after.Item2);
        Assert.Null(restored!["mergedInto"]);
        Assert.Equal(["cse-risk"], await FlagCodesAsync(duplicate));
        Assert.Empty(await FlagCodesAsync(survivor));
        var (_, history) = await _api.GetJsonAsync($"/api/v1/people/{survivor}/merges");
        Assert.Equal("Twins, not one child", history!.AsArray().Single()!["undoReason"]!.GetValue<string>());
        var reasons = audit!.AsArray().Select(a => a!["reason"]?.GetValue<string>()).ToList();
        Assert.Contains("Same child, name misspelt", reasons);
        Assert.Contains("Twins, not one child", reasons);
    }

    [Fact]
    public async Task An_officer_cannot_merge()
    {
        var a = await _api.CreatePersonAsync(A.Child("Testj", "Mergetwo").Build());
        var b = await _api.CreatePersonAsync(A.Child("Testk", "Mergetwo").Build());
        var officer = await _factory.ApiAsAsync("officer");

        var (status, _) = await officer.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = b, reason = "Looks the same" });
        var (_, person) = await _api.GetJsonAsync($"/api/v1/people/{b}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null(person!["mergedInto"]);
    }

    [Fact]
    public async Task A_merge_needs_a_reason_and_cannot_be_undone_twice()
    {
        var a = await _api.CreatePersonAsync(A.Child("Testl", "Mergethree").Build());
        var b = await _api.CreatePersonAsync(A.Child("Testm", "Mergethree").Build());

        var (noReason, _) = await _api.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = b });
        var (self, _) = await _api.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = a, reason = "x" });
        var (_, merge) = await _api.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = b, reason = "Duplicate" });
        var (first, _) = await _api.PostJsonAsync($"/api/v1/merges/{merge!["id"]}/undo", new { reason = "Wrong child" });
        var (second, _) = await _api.PostJsonAsync($"/api/v1/merges/{merge["id"]}/undo", new { reason = "Again" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Equal(HttpStatusCode.BadRequest, self);
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.Conflict, second);
    }
}
