using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Measures.Families;
using Safeguard.Core.Measures.Framework;
using Safeguard.Core.Organisation;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Measures;

/// <summary>M1, M2: measures are counted in the database from facts projected with the cases, per month and unit, and a
/// figure names the cases behind it. Shown with the return interview measure (MI3: 72 hours).</summary>
public sealed class MeasureFrameworkTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public MeasureFrameworkTests()
    {
        _api = _factory.Api();
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        db.Bcus.AddRange(new Bcu { Code = "north", Name = "North" }, new Bcu { Code = "south", Name = "South" });
        db.Teams.AddRange(
            new Team { Code = "mp-north", Name = "North missing persons unit", BcuCode = "north", Kind = "missing", LocalAuthority = "Northshire Council" },
            new Team { Code = "mp-south", Name = "South missing persons unit", BcuCode = "south", Kind = "missing", LocalAuthority = "Southshire Council" });
        db.SaveChanges();
    }

    public void Dispose() => _factory.Dispose();

    private async Task<string> EpisodeAsync(string id, string team, string foundAt, string? interviewOfferedAt, string forename = "Zoë")
    {
        var child = await _api.CreatePersonAsync(A.Child(forename, "Ní Bhriain").Build());
        var found = DateTimeOffset.Parse(foundAt, System.Globalization.CultureInfo.InvariantCulture);
        await _api.RecordAsync(new { id, type = "missing-reported", occurredAt = found.AddHours(-14), unit = team,
            people = new[] { new { personId = child, role = "child" } },
            data = new { riskGrade = "medium", reportedBy = "parent", lookedAfter = false, lastSeenAt = found.AddHours(-16) } });
        await _api.RecordAsync(new { id = id + "-found", type = "missing-located", occurredAt = foundAt, unit = team,
            people = new[] { new { personId = child, role = "child" } },
            data = new { missingEventId = id, locatedAt = foundAt, foundLocation = "Bus station" } });
        if (interviewOfferedAt is not null)
            await _api.RecordAsync(new { id = id + "-ri", type = "return-interview", occurredAt = interviewOfferedAt, unit = team,
                people = new[] { new { personId = child, role = "child" } },
                data = new { missingEventId = id, offeredAt = interviewOfferedAt, heldAt = interviewOfferedAt, byAgency = "LA-ALDER" } });
        return child;
    }

    private async Task<IReadOnlyList<MeasureFigures>> ComputeAsync(MeasureSplit split, Actor? reader = null)
    {
        using var scope = _factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        return await service.ComputeAsync(new MeasurePeriod(MonthKey.Of(2026, 1), MonthKey.Of(2026, 3)), split, MeasureScope.Force, reader,
            [MissingMeasures.ReturnInterviewsOnTime]);
    }

    [Fact]
    public async Task Return_interviews_within_72_hours_are_counted_per_month_and_bcu_once_due()
    {
        // North, February: one within 72 hours (50 h), one late (80 h). South, February: none yet, found 54 hours before "now" (2 March 09:00).
        await EpisodeAsync("m-north-1", "mp-north", "2026-02-03T10:00:00Z", "2026-02-05T12:00:00Z");
        await EpisodeAsync("m-north-2", "mp-north", "2026-02-10T10:00:00Z", "2026-02-13T18:00:00Z");
        await EpisodeAsync("m-south-1", "mp-south", "2026-02-28T03:00:00Z", null);

        var before = (await ComputeAsync(MeasureSplit.Bcu)).Single();
        _factory.Clock.Advance(TimeSpan.FromHours(18)); // now 72 h after the south child was found
        var after = (await ComputeAsync(MeasureSplit.Bcu)).Single();

        var north = before.Cells.Single(c => c.Unit == "north");
        Assert.Equal((MonthKey.Of(2026, 2), 2, 1, 0.5), (north.Month, north.Counted, north.Met, north.Rate));
        Assert.DoesNotContain(before.Cells, c => c.Unit == "south"); // not due yet: not counted
        var south = after.Cells.Single(c => c.Unit == "south");
        Assert.Equal((2, 1, 0, 0.0), (south.Month.MonthOfYear, south.Counted, south.Met, south.Rate));
        Assert.Equal(72, before.Limit);
        Assert.Equal(0.9, before.Target);
    }

    [Fact]
    public async Task The_force_and_local_authority_splits_add_up_and_the_cases_behind_a_figure_are_named()
    {
        var late = await EpisodeAsync("m-north-1", "mp-north", "2026-02-03T10:00:00Z", "2026-02-07T12:00:00Z", "Łukasz");
        await EpisodeAsync("m-south-1", "mp-south", "2026-01-20T10:00:00Z", "2026-01-20T12:00:00Z");

        var force = (await ComputeAsync(MeasureSplit.Force)).Single();
        var authorities = (await ComputeAsync(MeasureSplit.LocalAuthority)).Single();

        Assert.Equal([(1, 1, 1), (2, 1, 0)], force.Cells.OrderBy(c => c.Month).Select(c => (c.Month.MonthOfYear, c.Counted, c.Met)));
        Assert.Equal(["Northshire Council", "Southshire Council"], authorities.Totals.Select(t => t.Unit));
        using var scope = _factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<MeasureService>();
        var definition = MeasureCatalogue.Find(MissingMeasures.ReturnInterviewsOnTime)!;
        var (rows, total) = await service.CasesAsync(definition, new MeasurePeriod(MonthKey.Of(2026, 1), MonthKey.Of(2026, 3)), MeasureScope.Force,
            MeasureSubset.NotMet, new Actor("auditor-1", "An Auditor", Roles.Auditor, null), 1, 50);
        var row = Assert.Single(rows);
        Assert.Equal(1, total);
        Assert.Equal((CaseTypes.MissingEpisode, "m-north-1", Guid.Parse(late), "north"), (row.CaseType, row.CaseId, row.PersonId, row.Bcu));
        Assert.Equal(98, row.Value!.Value, 3);
    }

    [Fact]
    public async Task Rebuilding_the_cases_gives_the_same_facts_as_projecting_them_as_events_arrive()
    {
        await EpisodeAsync("m-north-1", "mp-north", "2026-02-03T10:00:00Z", "2026-02-05T12:00:00Z");
        await EpisodeAsync("m-south-1", "mp-south", "2026-02-20T10:00:00Z", null);

        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var live = await Snapshot(db);
        await scope.ServiceProvider.GetRequiredService<CaseProjector>().RebuildAsync();
        var rebuilt = await Snapshot(db);

        Assert.Equal(2, live.Count(f => f.StartsWith(MissingMeasures.ReturnInterviewsOnTime + "|", StringComparison.Ordinal)));
        Assert.Equal(live, rebuilt);
    }

    private static async Task<List<string>> Snapshot(SafeguardDb db) =>
        (await db.MeasureFacts.AsNoTracking().ToListAsync())
            .Select(f => $"{f.Measure}|{f.Stream}|{f.CaseType}|{f.CaseId}|{f.PersonId}|{f.Team}|{f.Bcu}|{f.LocalAuthority}|{f.At:O}|{f.Month}|{f.Met}|{f.Value}")
            .Order(StringComparer.Ordinal).ToList();
}
