using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Demo;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Tests.Demo;

/// <summary>Three small demo forces, seeded once for all the tests: two from the same seed and instant, one from another seed.</summary>
public sealed class DemoForceFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly List<SqliteConnection> connections = [];

    public SafeguardDb First { get; private set; } = null!;
    public SafeguardDb Second { get; private set; } = null!;
    public SafeguardDb OtherSeed { get; private set; } = null!;
    public DemoSummary FirstSummary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (First, FirstSummary) = await SeedAsync(DemoOptions.Small());
        (Second, _) = await SeedAsync(DemoOptions.Small());
        (OtherSeed, _) = await SeedAsync(DemoOptions.Small(seed: 7));
    }

    public SafeguardDb NewDb()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connections.Add(connection);
        var db = new SafeguardDb(new DbContextOptionsBuilder<SafeguardDb>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        return db;
    }

    public static IServiceProvider Services() => new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider();

    private async Task<(SafeguardDb, DemoSummary)> SeedAsync(DemoOptions options)
    {
        var db = NewDb();
        var summary = await DemoForce.SeedAsync(db, Services(), options, Now, CancellationToken.None);
        return (db, summary);
    }

    public Task DisposeAsync()
    {
        foreach (var c in connections) c.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class DemoForceTests(DemoForceFixture demo) : IClassFixture<DemoForceFixture>
{
    [Fact]
    public async Task Same_seed_and_now_give_the_same_people()
    {
        var first = await PeopleAsync(demo.First);
        var second = await PeopleAsync(demo.Second);
        Assert.True(first.Count >= 320, $"expected at least 320 people, got {first.Count}");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Same_seed_and_now_give_the_same_events()
    {
        var first = await EventsAsync(demo.First);
        var second = await EventsAsync(demo.Second);
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(demo.FirstSummary.Events, first.Count);
    }

    [Fact]
    public async Task A_different_seed_gives_different_people_and_histories()
    {
        var first = await PeopleAsync(demo.First);
        var other = await PeopleAsync(demo.OtherSeed);
        Assert.NotEqual(first.Select(p => p.Name), other.Select(p => p.Name));
        Assert.Empty(first.Select(p => p.Id).Intersect(other.Select(p => p.Id)));
        Assert.NotEqual((await EventsAsync(demo.First)).Select(e => e.OccurredAt), (await EventsAsync(demo.OtherSeed)).Select(e => e.OccurredAt));
    }

    [Fact]
    public async Task Every_role_has_a_demo_user_who_can_sign_in_with_the_demo_password()
    {
        var users = await demo.First.Users.ToListAsync();
        Assert.Equal(Roles.All.Order(), users.Select(u => u.Role).Order());
        Assert.All(users, u => Assert.Equal(u.Role, u.Username));
        Assert.Equal(Roles.All.Order(), DemoForce.SignIns.Select(s => s.Username).Order());

        var accounts = new Accounts(demo.First, new AuditLog(demo.First, TimeProvider.System), TimeProvider.System, SignInPolicy.Default);
        var (result, user) = await accounts.SignInAsync(Roles.ControlRoom, DemoForce.DemoPassword);
        Assert.Equal(Accounts.SignInResult.Success, result);
        Assert.Equal("N-CTRL", user!.TeamCode);
    }

    [Fact]
    public async Task Demo_has_a_repeatedly_missing_child()
    {
        var episodes = await demo.First.EventParticipants
            .Where(p => p.Role == "child" && demo.First.Events.Any(e => e.Id == p.EventId && e.Type == "missing-reported"))
            .GroupBy(p => p.PersonId).Select(g => g.Count()).ToListAsync();
        Assert.Contains(episodes, n => n >= 3);
    }

    [Fact]
    public async Task Demo_has_a_domestic_abuse_household_with_children_observed_and_notified()
    {
        var incidents = await demo.First.Events.Include(e => e.People).Where(e => e.Type == "incident").ToListAsync();
        var da = incidents.Where(e => e.Data.Contains("\"domestic-abuse\"") && e.People.Any(p => p.Role == "child")).ToList();
        Assert.NotEmpty(da);
        var children = JsonDocument.Parse(da[0].Data).RootElement.GetProperty("children");
        Assert.All(children.EnumerateArray(), c => Assert.True(c.TryGetProperty("seenAndSpokenTo", out _)));
        var daIds = da.Select(e => e.Id).ToHashSet();
        var ppns = await demo.First.Events.Where(e => e.Type == "ppn").Select(e => e.Data).ToListAsync();
        Assert.Contains(ppns, d => JsonDocument.Parse(d).RootElement.TryGetProperty("incidentEventId", out var v) && daIds.Contains(v.GetString()!));
    }

    [Fact]
    public async Task Demo_has_a_suspect_linked_to_several_children()
    {
        var suspectEvents = await demo.First.EventParticipants.Where(p => p.Role == "suspect").Select(p => new { p.PersonId, p.EventId }).ToListAsync();
        var childEvents = await demo.First.EventParticipants.Where(p => p.Role == "child").Select(p => new { p.PersonId, p.EventId }).ToListAsync();
        var childrenPerSuspect = suspectEvents
            .Join(childEvents, s => s.EventId, c => c.EventId, (s, c) => (Suspect: s.PersonId, Child: c.PersonId))
            .Distinct().GroupBy(x => x.Suspect).Select(g => g.Count());
        Assert.Contains(childrenPerSuspect, n => n >= 2);
        Assert.True(await demo.First.Flags.AnyAsync(f => f.Code == "cse-perpetrator"));
    }

    [Fact]
    public async Task Seeding_again_leaves_the_demo_as_it_is()
    {
        int before = await demo.First.Events.CountAsync();
        var again = await DemoForce.SeedAsync(demo.First, DemoForceFixture.Services(), DemoOptions.Small(), DemoForceFixture.Now, CancellationToken.None);
        Assert.True(again.AlreadyPresent);
        Assert.Equal(before, await demo.First.Events.CountAsync());
    }

    [Fact]
    public async Task Demo_histories_lie_in_the_past_with_some_in_the_last_day()
    {
        var times = await demo.First.Events.Select(e => e.OccurredAt).ToListAsync();
        Assert.All(times, t => Assert.True(t <= DemoForceFixture.Now));
        Assert.Contains(times, t => t > DemoForceFixture.Now.AddDays(-1));
        Assert.Contains(times, t => t < DemoForceFixture.Now.AddYears(-2));
    }

    private static async Task<List<(Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode)>> PeopleAsync(SafeguardDb db) =>
        (await db.People.AsNoTracking().ToListAsync())
            .Select(p => (p.Id, p.Forename + " " + p.Surname, p.DateOfBirth, p.Postcode)).OrderBy(p => p.Id).ToList();

    private static async Task<List<(string Id, string Type, DateTimeOffset OccurredAt)>> EventsAsync(SafeguardDb db) =>
        (await db.Events.AsNoTracking().ToListAsync()).Select(e => (e.Id, e.Type, e.OccurredAt)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
}
