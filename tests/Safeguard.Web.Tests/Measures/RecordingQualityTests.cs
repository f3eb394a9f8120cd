using System.Net;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>B5 and B2: recording quality is measured from the records, and a child at a domestic abuse
/// incident with no PPN is listed until one is recorded.</summary>
public sealed class RecordingQualityTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public RecordingQualityTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private const string Measures = "/api/v1/measures?from=2026-02-01T00:00:00Z&to=2026-03-02T00:00:00Z";

    private async Task<(string Child, string Victim)> DomesticAbuseIncidentAsync()
    {
        var child = await _api.CreatePersonAsync(A.Child("Noah", "Noticetest").Build());
        var victim = await _api.CreatePersonAsync(A.Adult("Lee", "Noticetest").Build());
        await _api.RecordAsync(new
        {
            id = "da-notice", type = "incident", occurredAt = "2026-02-10T22:00:00Z", unit = "N-RESP",
            people = new object[] { new { personId = victim, role = "victim" }, new { personId = child, role = "child" } },
            data = new { classifications = new[] { "domestic-abuse" }, riskGrade = "medium",
                children = new[] { new { personId = child, demeanour = "Silent, watching the door", seenAndSpokenTo = false } } },
        });
        return (child, victim);
    }

    [Fact]
    public async Task A_child_at_a_domestic_abuse_incident_without_a_ppn_is_listed_until_one_is_recorded()
    {
        var (child, _) = await DomesticAbuseIncidentAsync();

        var (status, before) = await _api.GetJsonAsync(Measures);
        await _api.RecordAsync(A.Ppn(child).At("2026-02-11T09:00:00Z").Build());
        var (_, after) = await _api.GetJsonAsync(Measures);

        Assert.Equal(HttpStatusCode.OK, status);
        var gap = before!["childrenToNotice"]!.AsArray().Single()!;
        Assert.Equal(child, gap["childId"]!.GetValue<string>());
        Assert.Equal("da-notice", gap["incidentEventId"]!.GetValue<string>());
        Assert.Empty(after!["childrenToNotice"]!.AsArray());
    }

    [Fact]
    public async Task Rates_are_measured_per_team_and_month_from_what_was_recorded()
    {
        var (child, _) = await DomesticAbuseIncidentAsync();
        await _api.RecordAsync(WithUnit(A.Ppn(child).At("2026-02-12T09:00:00Z").Build()));
        await _api.RecordAsync(WithUnit(A.Ppn(child).At("2026-02-13T09:00:00Z").Without("childViews").With("childViewsNotObtainedReason", "asleep").Build()));

        var (_, body) = await _api.GetJsonAsync(Measures);

        var row = body!["recordingQuality"]!.AsArray().Single(r => r!["unit"]!.GetValue<string>() == "N-RESP")!;
        Assert.Equal("2026-02", row["month"]!.GetValue<string>());
        Assert.Equal(2, row["ppns"]!.GetValue<int>());
        Assert.Equal(0.5, row["childViewsObtainedRate"]!.GetValue<double>());
        Assert.Equal(1, row["childrenAtDomesticAbuse"]!.GetValue<int>());
        Assert.Equal(0.0, row["seenAndSpokenToRate"]!.GetValue<double>());
        Assert.Equal(1.0, row["ppnForChildAtDomesticAbuseRate"]!.GetValue<double>());
    }

    [Fact]
    public async Task Officers_cannot_read_the_measures()
    {
        var officer = await _factory.ApiAsAsync("officer");

        var (status, problem) = await officer.GetJsonAsync(Measures);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("forbidden", problem!["code"]!.GetValue<string>());
    }

    private static object WithUnit(object ev)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(ev)!;
        node["unit"] = "N-RESP";
        return node;
    }
}
