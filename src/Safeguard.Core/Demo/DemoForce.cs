using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Demo;

/// <summary>A synthetic demo force: three BCUs, partners, one sign-in per role, a few thousand invented
/// people and years of linked safeguarding histories. Every event goes through the event reader, the
/// recording standards and the rules exactly as an API client's would.</summary>
/// <remarks>
/// Deterministic: the same <see cref="DemoOptions.Seed"/> and the same <c>now</c> give the same people
/// (ids, names, dates of birth, addresses), relationships, event ids, types and times. Histories are
/// relative to <c>now</c> (the last three years, with some items in the last day and week), so a
/// different <c>now</c> shifts every date. Flag ids and audit rows are not part of that promise.
/// <para>Each event's recording time is set a little after its occurrence (a controlled clock is given
/// to the event service), so timeliness measures show realistic delays instead of years. The access
/// log keeps the real clock: it records when the demo was actually written.</para>
/// <para>The sign-in <c>officer</c> is written last and marks a complete demo; a seeding that failed
/// part-way needs a fresh database.</para>
/// </remarks>
public static class DemoForce
{
    /// <summary>The one password of every demo sign-in. Demo databases only.</summary>
    public const string DemoPassword = "Safeguard-demo-1";

    /// <summary>The demo sign-ins (username = role) with their team or organisation, for the app to print.</summary>
    public static IReadOnlyList<DemoSignIn> SignIns => DemoOrganisation.SignIns;

    /// <summary>Seeds the demo force into <paramref name="db"/> unless it is already there.</summary>
    /// <param name="db">The database to write to.</param>
    /// <param name="services">Provides the dependencies of the event and flag services (for example the rules);
    /// <paramref name="db"/> and the demo clock are given to them explicitly.</param>
    /// <param name="options">Seed and size.</param>
    /// <param name="now">The instant the histories are relative to: pass the application clock's now.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<DemoSummary> SeedAsync(SafeguardDb db, IServiceProvider services, DemoOptions options, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (await db.Users.AnyAsync(u => u.Username == Roles.Officer, ct)) return DemoSummary.Skipped;
        var elapsed = Stopwatch.StartNew();
        var world = Plan(options, now);

        int events;
        List<FlagOutcome> flags;
        await using (await BulkLoadAsync(db, ct))
        {
            await DemoRecorder.WriteStructureAsync(db, world, ct);
            var recorder = DemoRecorder.Create(db, services, world);
            (events, flags) = await recorder.RecordHistoriesAsync(ct);
            // Hashing is deliberately slow, so one hash serves every demo user.
            var hash = Accounts.HashPassword(DemoPassword);
            db.Users.AddRange(DemoOrganisation.BuildUsers(hash));
            db.Shares.AddRange(DemoShares(world, now));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return new DemoSummary(false, DemoOrganisation.Bcus.Length, DemoOrganisation.Teams().Count(), DemoOrganisation.Organisations.Length,
            DemoOrganisation.Users.Length, world.Children.Count, world.Adults.Count, world.Duplicates.Count, events,
            world.Chronicle.Events.GroupBy(e => e.Body["type"]!.GetValue<string>()).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            flags.Count(f => f == FlagOutcome.Raised), flags.Count(f => f == FlagOutcome.SuggestionConfirmed),
            flags.Count(f => f == FlagOutcome.AlreadyConfirmed), elapsed.Elapsed);
    }

    /// <summary>So the demo partner practitioner's portal is not empty: the officer has shared the records of the first
    /// three children who go missing again and again with Northmoor's children's social care, for a strategy discussion.</summary>
    private static IEnumerable<Sharing.Share> DemoShares(DemoWorld world, DateTimeOffset now) =>
        world.RepeatMissing.Take(3).Select(child => new Sharing.Share
        {
            Id = Guid.NewGuid(), PersonId = child.Id, Scope = Sharing.ShareScopes.Record, OrganisationCode = "LA-NMR",
            LawfulBasis = "children-act-1989-s47", Purpose = "Repeat missing episodes: strategy discussion with children's social care",
            SharedBy = Roles.Officer, SharedByName = "PC Demo Ashworth", SharedAt = now.AddDays(-2), Until = now.AddDays(60),
        });

    /// <summary>On SQLite, holds one connection open and stops syncing to disk at every commit while the
    /// demo loads (about a thousand small transactions), then restores the previous setting. A demo that
    /// is interrupted is thrown away and made again, so losing its last commits on a power cut costs nothing.</summary>
    private static async Task<IAsyncDisposable> BulkLoadAsync(SafeguardDb db, CancellationToken ct)
    {
        if (!db.IsSqlite) return new Restore(() => Task.CompletedTask);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "PRAGMA synchronous";
            var previous = Convert.ToInt32(await read.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF", ct);
            return new Restore(async () =>
            {
                await db.Database.ExecuteSqlRawAsync(previous switch
                {
                    0 => "PRAGMA synchronous = OFF", 1 => "PRAGMA synchronous = NORMAL", 3 => "PRAGMA synchronous = EXTRA", _ => "PRAGMA synchronous = FULL",
                }, CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            });
        }
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }

    /// <summary>Plans the whole demo in memory: pure, and the same for the same options and <paramref name="now"/>.
    /// The themes run in a fixed order, each on its own random stream.</summary>
    internal static DemoWorld Plan(DemoOptions options, DateTimeOffset now)
    {
        var world = new DemoWorld(options, now);
        DemoPeople.Plan(world);
        DemoHouseholdHistory.Plan(world);
        DemoDomesticAbuse.Plan(world);
        DemoMissing.Plan(world);
        DemoExploitation.Plan(world);
        DemoOtherConcerns.Plan(world);
        return world;
    }
}
