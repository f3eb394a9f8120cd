using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>What the measure family tests share: two BCUs with a team each (serving two local authorities), events recorded
/// through the API with a team, figures from <see cref="MeasureService"/>, and a restriction that hides a child.</summary>
internal static class FamilyMeasureKit
{
    public const string North = "mp-north", South = "mp-south";

    public static void SeedTeams(SafeguardFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        db.Bcus.AddRange(new Bcu { Code = "north", Name = "North" }, new Bcu { Code = "south", Name = "South" });
        db.Teams.AddRange(
            new Team { Code = North, Name = "North safeguarding team", BcuCode = "north", Kind = "missing", LocalAuthority = "Northshire Council" },
            new Team { Code = South, Name = "South safeguarding team", BcuCode = "south", Kind = "missing", LocalAuthority = "Southshire Council" });
        db.SaveChanges();
    }

    /// <summary>Records one event for a team; people as (id, role).</summary>
    public static Task RecordAsync(this HttpClient api, string id, string type, string at, string team, object data, params (string Person, string Role)[] people) =>
        api.RecordAsync(new { id, type, occurredAt = at, unit = team, people = people.Select(p => new { personId = p.Person, role = p.Role }).ToArray(), data });

    /// <summary>A built event (e.g. <c>A.Ppn(child).Build()</c>) recorded for a team.</summary>
    public static Task RecordForAsync(this HttpClient api, object built, string team)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(built)!;
        node["unit"] = team;
        return api.RecordAsync(node);
    }

    public static async Task<MeasureFigures> ComputeAsync(SafeguardFactory factory, string measure, MonthKey from, MonthKey to, MeasureSplit split,
        Actor? reader = null)
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        return (await service.ComputeAsync(new MeasurePeriod(from, to), split, MeasureScope.Force, reader, [measure])).Single();
    }

    public static async Task<IReadOnlyList<MeasureCaseRow>> CasesAsync(SafeguardFactory factory, string measure, MonthKey from, MonthKey to, MeasureSubset subset)
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        var (rows, _) = await service.CasesAsync(MeasureCatalogue.Find(measure)!, new MeasurePeriod(from, to), MeasureScope.Force, subset,
            new Actor("auditor-1", "An Auditor", Roles.Auditor, null), 1, 100);
        return rows;
    }

    /// <summary>(month, counted, met) per cell of one unit (null: the whole force), oldest first.</summary>
    public static IReadOnlyList<(int Month, int Counted, int Met)> Cells(this MeasureFigures figures, string? unit = null) =>
        figures.Cells.Where(c => c.Unit == unit).OrderBy(c => c.Month).Select(c => (c.Month.MonthOfYear, c.Counted, c.Met)).ToList();

    /// <summary>Restricts a person to the API client "named-system": any other reader may not see them.</summary>
    public static async Task RestrictAsync(this HttpClient api, SafeguardFactory factory, string person)
    {
        await factory.IssueTokenAsync("supervisor", name: "named-system");
        var (status, body) = await api.PutJsonAsync($"/api/v1/people/{person}/restriction",
            new { allowed = new[] { "client:named-system" }, reason = "Subject is a serving officer's child" });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    /// <summary>A supervisor who is not named on any restriction.</summary>
    public static readonly Actor Outsider = new("supervisor-outside", "A Supervisor", Roles.Supervisor, null);

    /// <summary>Corrects an event's data through the API.</summary>
    public static async Task CorrectAsync(this HttpClient api, string eventId, JsonNode data, int expectedVersion = 1)
    {
        var (status, body) = await api.PostJsonAsync($"/api/v1/events/{eventId}/corrections", new { data, reason = "Recorded in error", expectedVersion });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    /// <summary>The facts now, then after rebuilding the cases: they must be the same.</summary>
    public static async Task<(List<string> Live, List<string> Rebuilt)> LiveAndRebuiltAsync(SafeguardFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        static async Task<List<string>> Snapshot(SafeguardDb db) =>
            (await db.MeasureFacts.AsNoTracking().ToListAsync())
                .Select(f => $"{f.Measure}|{f.Stream}|{f.CaseType}|{f.CaseId}|{f.PersonId}|{f.Team}|{f.At:O}|{f.Month}|{f.Met}|{f.Value}")
                .Order(StringComparer.Ordinal).ToList();
        var live = await Snapshot(db);
        await scope.ServiceProvider.GetRequiredService<CaseProjector>().RebuildAsync();
        return (live, await Snapshot(db));
    }
}
