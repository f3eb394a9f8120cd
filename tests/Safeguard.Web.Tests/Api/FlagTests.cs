using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>C2–C3: flags by hand with reason and evidence; confirm, reject, end; history kept; shown beside the name.</summary>
public sealed class FlagTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public FlagTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_officers_flag_is_a_suggestion_until_a_supervisor_confirms_it_and_the_history_shows_both()
    {
        var child = await _api.CreatePersonAsync(A.Child("Lily", "Flagtest").Build());
        await _api.RecordAsync(A.Ppn(child).WithId("evidence-1").Build());
        var officer = await _factory.ApiAsAsync("officer");
        var supervisor = await _factory.ApiAsAsync("supervisor");

        var (raised, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags",
            new { code = "cse-risk", reason = "Seen getting into cars with older men", eventIds = new[] { "evidence-1" } });
        var flagId = flag!["id"]!.GetValue<string>();
        var (officerConfirm, _) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags/{flagId}/confirm", new { });
        var (confirmed, _) = await supervisor.PostJsonAsync($"/api/v1/people/{child}/flags/{flagId}/confirm", new { reason = "Agreed at daily meeting" });
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal(HttpStatusCode.Created, raised);
        Assert.Equal("suggested", flag["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, officerConfirm);
        Assert.Equal(HttpStatusCode.OK, confirmed);
        var shown = profile!["flags"]!.AsArray().Single()!;
        Assert.Equal("confirmed", shown["status"]!.GetValue<string>());
        Assert.Equal(["suggested", "confirmed"], shown["history"]!.AsArray().Select(h => h!["status"]!.GetValue<string>()));
        Assert.Equal(["evidence-1"], shown["reasons"]![0]!["eventIds"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rejected_flag_needs_a_reason_and_stays_in_the_history()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var officer = await _factory.ApiAsAsync("officer");
        var (_, flag) = await officer.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "cce-risk", reason = "Carrying unexplained cash" });
        var url = $"/api/v1/people/{child}/flags/{flag!["id"]}/reject";

        var (withoutReason, _) = await _api.PostJsonAsync(url, new { });
        var (rejected, _) = await _api.PostJsonAsync(url, new { reason = "Cash explained: paper round" });
        var (_, profile) = await _api.GetJsonAsync($"/api/v1/people/{child}/profile");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason);
        Assert.Equal(HttpStatusCode.OK, rejected);
        var shown = profile!["flags"]!.AsArray().Single()!;
        Assert.Equal("rejected", shown["status"]!.GetValue<string>());
        Assert.Equal("Cash explained: paper round", shown["history"]!.AsArray().Last()!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ending_a_flag_records_when_and_why_and_search_results_stop_showing_it()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ruby", "Endflag").Build());
        var (_, flag) = await _api.PostJsonAsync($"/api/v1/people/{child}/flags", new { code = "looked-after", reason = "Section 20 accommodation" });
        var (_, before) = await _api.GetJsonAsync("/api/v1/people?name=Ruby%20Endflag");

        var (ended, body) = await _api.PostJsonAsync($"/api/v1/people/{child}/flags/{flag!["id"]}/end", new { reason = "Returned home under a plan" });
        var (_, after) = await _api.GetJsonAsync("/api/v1/people?name=Ruby%20Endflag");

        Assert.Equal("confirmed", flag["status"]!.GetValue<string>());
        Assert.Equal("looked-after", before!.AsArray().Single()!["flags"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, ended);
        Assert.Equal("Returned home under a plan", body!["endReason"]!.GetValue<string>());
        Assert.Empty(after!.AsArray().Single()!["flags"]!.AsArray());
    }

    [Fact]
    public async Task Evidence_must_be_events_about_the_person()
    {
        var child = await _api.CreatePersonAsync(A.Child().Build());
        var other = await _api.CreatePersonAsync(A.Child("Other", "Child").Build());
        await _api.RecordAsync(A.Ppn(other).WithId("not-about-child").Build());

        var (status, body) = await _api.PostJsonAsync($"/api/v1/people/{child}/flags",
            new { code = "cse-risk", reason = "x", eventIds = new[] { "not-about-child" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("eventIds", body!["errors"]!.AsObject().Select(e => e.Key));
    }
}
