using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Demo;
using Safeguard.Core.Tests.Demo;

namespace Safeguard.Core.Tests.Cases;

/// <summary>The cases a whole demo force's events make as they are recorded one by one are exactly the ones a
/// rebuild from the event log makes (issue 7 point 4).</summary>
public sealed class DemoCasesTests
{
    private static async Task<List<string>> SnapshotAsync(SafeguardDb db)
    {
        db.ChangeTracker.Clear();
        var rows = new List<string>();
        rows.AddRange((await db.Cases.AsNoTracking().ToListAsync())
            .Select(c => $"case|{c.Type}|{c.Id}|{c.Stream}|{c.Status}|{c.OpenedAt:O}|{c.ClosedAt:O}|{c.Team}|{c.EventIds}|{c.Fields}"));
        rows.AddRange((await db.CasePeople.AsNoTracking().ToListAsync()).Select(p => $"person|{p.CaseType}|{p.CaseId}|{p.PersonId}|{p.Role}"));
        rows.AddRange((await db.CaseActions.AsNoTracking().ToListAsync())
            .Select(a => $"action|{a.CaseType}|{a.CaseId}|{a.Number}|{a.Text}|{a.Owner}|{a.DueDate}|{a.Status}"));
        rows.AddRange((await db.EventReferences.AsNoTracking().ToListAsync()).Select(r => $"ref|{r.EventId}|{r.Field}|{r.Value}"));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task Rebuilding_the_demo_forces_cases_gives_the_tables_recording_its_events_gave()
    {
        var fixture = new DemoForceFixture();
        var db = fixture.NewDb();
        await DemoForce.SeedAsync(db, DemoForceFixture.Services(), DemoOptions.Small(), DemoForceFixture.Now, CancellationToken.None);
        var projected = await SnapshotAsync(db);

        var (events, cases) = await new CaseProjector(db).RebuildAsync();
        var rebuilt = await SnapshotAsync(db);
        await fixture.DisposeAsync();

        Assert.True(events > 0 && cases > 0, $"the demo should make cases: {cases} from {events} events");
        Assert.Contains(projected, r => r.StartsWith($"case|{CaseTypes.MissingEpisode}|", StringComparison.Ordinal));
        Assert.Equal(projected, rebuilt);
    }
}
