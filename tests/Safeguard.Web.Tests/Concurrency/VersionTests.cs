using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Concurrency;

/// <summary>API.md "Versions" and "Decisions": flags, match reviews, merges and people show their version; a
/// decision made on an older version is refused with 409 stale-version and changes nothing.</summary>
public sealed class VersionTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public VersionTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_flag_decision_on_the_version_read_is_applied_and_one_on_an_older_version_is_refused_as_stale()
    {
        var child = await _api.CreatePersonAsync(A.Child("Stale", "Flagread").Build());
        var officer = await _factory.ApiAsAsync("officer");
        var (_, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cse-risk", reason = "Seen with older men" });
        var url = $"/api/v1/people/{child}/flags/{flag!["id"]}";

        var (confirmed, afterConfirm) = await _api.PostJsonAsync(url + "/confirm", new { reason = "Agreed", expectedVersion = 1 });
        var (stale, refusal) = await _api.PostJsonAsync(url + "/end", new { reason = "No longer at risk", expectedVersion = 1 });
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal(1, flag["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, confirmed);
        Assert.Equal(2, afterConfirm!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("stale-version", refusal!["code"]!.GetValue<string>());
        var shown = profile!["flags"]![0]!;
        Assert.Equal("confirmed", shown["status"]!.GetValue<string>());
        Assert.Equal(2, shown["version"]!.GetValue<int>());
        Assert.Equal(1, profile["person"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_expected_version_that_is_not_a_whole_number_is_a_validation_failure()
    {
        var child = await _api.CreatePersonAsync(A.Child("Bad", "Versionvalue").Build());
        var officer = await _factory.ApiAsAsync("officer");
        var (_, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cse-risk", reason = "Seen with older men" });

        var (status, body) = await _api.PostJsonAsync($"/api/v1/people/{child}/flags/{flag!["id"]}/confirm", new { expectedVersion = "one" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("expectedVersion", body!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_merge_on_an_older_version_of_either_record_is_refused_as_stale_and_nothing_moves()
    {
        var a = await _api.CreatePersonAsync(A.Child("Versioned", "Mergeone").BornOn("2013-05-06").Build());
        var b = await _api.CreatePersonAsync(A.Child("Versiond", "Mergeone").BornOn("2013-05-06").Build());
        var (_, bRead) = await _api.GetJsonAsync($"/api/v1/people/{b}");
        await _api.PostJsonAsync($"/api/v1/people/{b}/corrections", new { forename = "Versioned", surname = "Mergeone", dateOfBirth = "2013-05-06", reason = "Spelling", expectedVersion = 1 });

        var (stale, refusal) = await _api.PostJsonAsync($"/api/v1/people/{a}/merge",
            new { otherPersonId = b, reason = "Same child", expectedVersion = 1, otherExpectedVersion = bRead!["version"]!.GetValue<int>() });
        var (_, bAfter) = await _api.GetJsonAsync($"/api/v1/people/{b}");
        var (merged, merge) = await _api.PostJsonAsync($"/api/v1/people/{a}/merge",
            new { otherPersonId = b, reason = "Same child", expectedVersion = 1, otherExpectedVersion = 2 });
        var (_, bMerged) = await _api.GetJsonAsync($"/api/v1/people/{b}");

        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("stale-version", refusal!["code"]!.GetValue<string>());
        Assert.Null(bAfter!["mergedInto"]);
        Assert.Equal(HttpStatusCode.Created, merged);
        Assert.Equal(1, merge!["version"]!.GetValue<int>());
        Assert.Equal(3, bMerged!["version"]!.GetValue<int>()); // corrected, then merged: each a version
    }

    [Fact]
    public async Task Undoing_a_merge_on_an_older_version_of_it_is_refused_as_stale()
    {
        var a = await _api.CreatePersonAsync(A.Child("Undo", "Versionone").BornOn("2013-05-06").Build());
        var b = await _api.CreatePersonAsync(A.Child("Undoo", "Versionone").BornOn("2013-05-06").Build());
        var (_, merge) = await _api.PostJsonAsync($"/api/v1/people/{a}/merge", new { otherPersonId = b, reason = "Same child" });
        var url = $"/api/v1/merges/{merge!["id"]}/undo";

        var (undone, after) = await _api.PostJsonAsync(url, new { reason = "Twins", expectedVersion = 1 });
        var (stale, refusal) = await _api.PostJsonAsync(url, new { reason = "Twins", expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.OK, undone);
        Assert.Equal(2, after!["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal("stale-version", refusal!["code"]!.GetValue<string>());
    }
}
