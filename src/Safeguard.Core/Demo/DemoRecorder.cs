using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Demo;

/// <summary>A clock the demo moves along its own timeline, so each event is recorded shortly after it happened.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Writes a planned demo: the organisation and people directly, then every event through
/// <see cref="EventService.RecordAsync"/> in time order, a day at a time, and the hand-raised flags
/// through <see cref="FlagService"/> once the events they cite are stored.</summary>
internal sealed class DemoRecorder(SafeguardDb db, DemoWorld world, DemoClock clock, EventService events, FlagService flags)
{
    private static readonly Actor Recorder = Actor.System("demo");
    private static readonly Actor FlagRaiser = new("user:supervisor", "DS Demo Whitlow", Roles.Supervisor, "N-CAIT");

    public static DemoRecorder Create(SafeguardDb db, IServiceProvider services, DemoWorld world)
    {
        var clock = new DemoClock(world.Start);
        var realClock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var access = ActivatorUtilities.CreateInstance<PersonAccess>(services, db);
        var audit = ActivatorUtilities.CreateInstance<AuditLog>(services, db, realClock);
        var rules = ActivatorUtilities.CreateInstance<RulesRunner>(services, db, clock);
        var eventService = ActivatorUtilities.CreateInstance<EventService>(services, db, access, audit, rules, clock);
        var flagService = ActivatorUtilities.CreateInstance<FlagService>(services, db, access, audit, clock);
        return new DemoRecorder(db, world, clock, eventService, flagService);
    }

    public static async Task WriteStructureAsync(SafeguardDb db, DemoWorld world, CancellationToken ct)
    {
        db.Bcus.AddRange(DemoOrganisation.Bcus.Select(b => new Bcu { Code = b.Code, Name = b.Name }));
        db.Teams.AddRange(DemoOrganisation.Teams());
        db.Organisations.AddRange(DemoOrganisation.Organisations.Select(o => new PartnerOrganisation
        {
            Code = o.Code, Name = o.Name, Kind = o.Kind, LocalAuthority = o.LocalAuthority,
        }));
        await db.SaveChangesAsync(ct);
        foreach (var chunk in world.Children.Concat(world.Adults).Concat(world.Duplicates.Select(d => d.Duplicate)).Chunk(1000))
        {
            db.People.AddRange(chunk);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    public async Task<(int Events, int FlagsRaised, int FlagsPresent)> RecordHistoriesAsync(CancellationToken ct)
    {
        var chronicle = world.Chronicle;
        var when = chronicle.Events.ToDictionary(e => e.Id, e => e.OccurredAt);
        // A flag is raised once every event it cites is stored, and not before the time it was planned for.
        var pendingFlags = new Queue<(DateTimeOffset At, PlannedFlag Flag)>(chronicle.Flags
            .Select(f => (At: f.EventIds.Select(id => when[id].AddMinutes(1)).Append(f.At).Max(), Flag: f))
            .OrderBy(x => x.At).ThenBy(x => x.Flag.PersonId).ThenBy(x => x.Flag.Code, StringComparer.Ordinal));
        var delays = world.Stream(99);
        int stored = 0, raised = 0, present = 0;

        foreach (var day in chronicle.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).GroupBy(e => e.OccurredAt.UtcDateTime.Date))
        {
            while (pendingFlags.Count > 0 && pendingFlags.Peek().At.UtcDateTime.Date < day.Key)
                if (await RaiseAsync(pendingFlags.Dequeue(), ct)) raised++; else present++;

            foreach (var batch in day.Chunk(EventSubmissionReader.MaxBatch))
            {
                var recordedAt = batch[^1].OccurredAt.AddMinutes(delays.Next(10, 240));
                clock.Now = recordedAt > world.Now ? world.Now : recordedAt;
                var submissions = batch.Select(e => EventSubmissionReader.Read(JsonSerializer.SerializeToElement(e.Body))).ToList();
                var results = await events.RecordAsync(Recorder, submissions, ct);
                stored += results.Count(x => x.Created);
                ClearTracking();
            }
        }
        while (pendingFlags.Count > 0)
            if (await RaiseAsync(pendingFlags.Dequeue(), ct)) raised++; else present++;
        return (stored, raised, present);
    }

    /// <summary>False when the person already has that flag, for example because a rule suggested it first.</summary>
    private async Task<bool> RaiseAsync((DateTimeOffset At, PlannedFlag Flag) item, CancellationToken ct)
    {
        clock.Now = item.At > world.Now ? world.Now : item.At;
        try
        {
            await flags.RaiseAsync(FlagRaiser, item.Flag.PersonId, item.Flag.Code, item.Flag.Reason, item.Flag.EventIds, ct: ct);
            return true;
        }
        catch (ProblemException e) when (e.Problem.Status == 409)
        {
            return false;
        }
        finally
        {
            ClearTracking();
        }
    }

    /// <summary>Forgets stored entities between batches, so change tracking does not grow with the demo.</summary>
    private void ClearTracking() => db.ChangeTracker.Clear();
}
