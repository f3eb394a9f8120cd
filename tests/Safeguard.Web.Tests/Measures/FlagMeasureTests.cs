using System.Net;
using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;
using Safeguard.TestKit;
using static Safeguard.Web.Tests.Measures.FamilyMeasureKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>M1: CSE flags raised and confirmed, counted from the flags themselves (written with each flag's save).</summary>
public sealed class FlagMeasureTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public FlagMeasureTests()
    {
        _api = _factory.Api();
        SeedTeams(_factory);
    }

    public void Dispose() => _factory.Dispose();

    private static readonly MonthKey March = MonthKey.Of(2026, 3);

    private async Task<(string Child, string Incident)> ChildAsync(string forename, string team)
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, "Flagcount").AgedYears(14).Build());
        var incident = "inc-" + forename;
        await _api.RecordAsync(incident, "incident", "2026-03-01T20:00:00Z", team, new { classifications = new[] { "neglect" }, summary = "Found out late" },
            (child, "child"));
        return (child, incident);
    }

    private static async Task<string> RaiseAsync(HttpClient by, string child, string incident, string code = FlagMeasureFacts.Code)
    {
        var (status, body) = await by.PostJsonAsync($"/api/v1/people/{child}/flags", new { code, reason = "Seen with older men in cars", eventIds = new[] { incident } });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        return body!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Flags_raised_count_in_their_bcu_and_confirmed_ones_stay_counted_when_ended_while_rejected_and_other_flags_do_not()
    {
        // "Now" is 2 March 2026. North: Ana's flag suggested by an officer and confirmed; Ben's suggested and rejected.
        // South: Cai's raised by a supervisor (confirmed at once) and later ended. Dee (North) gets a criminal exploitation flag, not CSE.
        // So March: North 2 raised, 1 confirmed; South 1 raised, 1 confirmed; force 3 raised, 2 confirmed.
        var officer = await _factory.ApiAsAsync("officer");
        var supervisor = await _factory.ApiAsAsync("supervisor");
        var (ana, anaIncident) = await ChildAsync("Ana", North);
        var (ben, benIncident) = await ChildAsync("Ben", North);
        var (cai, caiIncident) = await ChildAsync("Cai", South);
        var (dee, deeIncident) = await ChildAsync("Dee", North);
        var anaFlag = await RaiseAsync(officer, ana, anaIncident);
        var benFlag = await RaiseAsync(officer, ben, benIncident);
        var caiFlag = await RaiseAsync(supervisor, cai, caiIncident);
        await RaiseAsync(supervisor, dee, deeIncident, "cce-risk");

        var suggested = await ComputeAsync(_factory, FlagMeasureFacts.Measure, March, March, MeasureSplit.Bcu);
        await supervisor.PostJsonAsync($"/api/v1/people/{ana}/flags/{anaFlag}/confirm", new { reason = "Agreed" });
        await supervisor.PostJsonAsync($"/api/v1/people/{ben}/flags/{benFlag}/reject", new { reason = "Mistaken identity" });
        await supervisor.PostJsonAsync($"/api/v1/people/{cai}/flags/{caiFlag}/end", new { reason = "Risk reduced after intervention" });
        var decided = await ComputeAsync(_factory, FlagMeasureFacts.Measure, March, March, MeasureSplit.Bcu);
        var force = await ComputeAsync(_factory, FlagMeasureFacts.Measure, March, March, MeasureSplit.Force);

        Assert.Equal([(3, 2, 0)], suggested.Cells("north"));
        Assert.Equal([(3, 2, 1)], decided.Cells("north"));
        Assert.Equal([(3, 1, 1)], decided.Cells("south"));
        Assert.Equal([(3, 3, 2)], force.Cells());
    }
}
