using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>Two BCUs, North and South, each with one team serving its own local authority; records through the API and
/// counts measures with <see cref="MeasureService"/>. Now is 2 March 2026 09:00 (GMT, so UTC is London time) unless moved.</summary>
public abstract class BcuPairMeasureTest : IDisposable
{
    protected readonly SafeguardFactory Factory = new();
    protected readonly HttpClient Api;

    /// <summary>A reader kept out of restricted records.</summary>
    protected static readonly Actor Outsider = new("client:other-system", "Another system", Roles.Supervisor, null);

    /// <summary>A reader named on the restrictions <see cref="RestrictAsync"/> makes.</summary>
    protected static readonly Actor Named = new("client:named-system", "The named system", Roles.Supervisor, null);

    protected BcuPairMeasureTest()
    {
        Api = Factory.Api();
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        db.Bcus.AddRange(new Bcu { Code = "north", Name = "North" }, new Bcu { Code = "south", Name = "South" });
        db.Teams.AddRange(
            new Team { Code = "pp-north", Name = "North public protection", BcuCode = "north", Kind = "investigation", LocalAuthority = "Northshire Council" },
            new Team { Code = "pp-south", Name = "South public protection", BcuCode = "south", Kind = "investigation", LocalAuthority = "Southshire Council" });
        db.SaveChanges();
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<string> ChildAsync(string forename, string surname = "Measurechild") => Api.CreatePersonAsync(A.Child(forename, surname).Build());

    protected Task<string> AdultAsync(string forename, string surname = "Measureadult") => Api.CreatePersonAsync(A.Adult(forename, surname).Build());

    /// <summary>Records an event by <paramref name="unit"/> naming the people in their roles.</summary>
    protected Task RecordAsync(string id, string type, string at, string unit, object data, params (string Person, string Role)[] people) =>
        Api.RecordAsync(new { id, type, occurredAt = at, unit, people = people.Select(p => new { personId = p.Person, role = p.Role }).ToArray(), data });

    /// <summary>Corrects an event's data (version 1) through the API.</summary>
    protected async Task CorrectAsync(string id, object data, string? occurredAt = null)
    {
        var (status, body) = await Api.PostJsonAsync($"/api/v1/events/{id}/corrections",
            occurredAt is null ? new { data, reason = "Recorded wrongly", expectedVersion = 1 } : (object)new { data, occurredAt, reason = "Recorded wrongly", expectedVersion = 1 });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    private bool _namedIssued;

    /// <summary>Restricts a person to the system "named-system" (so <see cref="Outsider"/> may not see them).</summary>
    protected async Task RestrictAsync(string person)
    {
        if (!_namedIssued) await Factory.IssueTokenAsync("supervisor", name: "named-system");
        _namedIssued = true;
        var (status, body) = await Api.PutJsonAsync($"/api/v1/people/{person}/restriction",
            new { allowed = new[] { "client:named-system" }, reason = "Subject is a serving officer's child" });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    /// <summary>One measure's figures from <paramref name="from"/> to <paramref name="to"/> (yyyy-MM).</summary>
    protected async Task<MeasureFigures> FiguresAsync(string measure, MeasureSplit split, string from = "2026-01", string to = "2026-03", Actor? reader = null)
    {
        using var scope = Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        MonthKey.TryParse(from, out var start);
        MonthKey.TryParse(to, out var end);
        return (await service.ComputeAsync(new MeasurePeriod(start, end), split, MeasureScope.Force, reader, [measure])).Single();
    }

    /// <summary>(counted, met) of one month and unit ("north", "south", or null for the force); (0, 0) when nothing counted.</summary>
    protected static (int Counted, int Met) Cell(MeasureFigures figures, int year, int month, string? unit = null) =>
        figures.Cells.SingleOrDefault(c => c.Month == MonthKey.Of(year, month) && c.Unit == unit) is { } cell ? (cell.Counted, cell.Met) : (0, 0);

    /// <summary>The cases behind a measure's figure over the period, for the system.</summary>
    protected async Task<IReadOnlyList<MeasureCaseRow>> CasesAsync(string measure, MeasureSubset subset, string from = "2026-01", string to = "2026-03")
    {
        using var scope = Factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        MonthKey.TryParse(from, out var start);
        MonthKey.TryParse(to, out var end);
        var (rows, _) = await service.CasesAsync(MeasureCatalogue.Find(measure)!, new MeasurePeriod(start, end), MeasureScope.Force, subset,
            new Actor("auditor-1", "An Auditor", Roles.Auditor, null), 1, 100);
        return rows;
    }
}
