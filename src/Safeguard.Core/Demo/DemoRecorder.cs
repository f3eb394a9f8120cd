using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;
using Safeguard.Core.Derivation;
using Safeguard.Core.Rules;

namespace Safeguard.Core.Demo;

internal enum FlagOutcome { Raised, SuggestionConfirmed, AlreadyConfirmed }

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
    internal static readonly Actor FlagRaiser = new("user:supervisor", "DS Demo Whitlow", Roles.Supervisor, "N-CAIT");

    public static DemoRecorder Create(SafeguardDb db, IServiceProvider services, DemoWorld world)
    {
        var clock = new DemoClock(world.Start);
        var realClock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var access = ActivatorUtilities.CreateInstance<PersonAccess>(services, db);
        var audit = ActivatorUtilities.CreateInstance<AuditLog>(services, db, realClock);
        var rules = ActivatorUtilities.CreateInstance<RulesRunner>(services, db, clock);
        // Nothing in the demo is after its "now": the checks read that, not the moving demo clock or the real one.
        var checks = new EventChecks(db, access, rules, new DemoClock(world.Now), new Investigations.InvestigationChecks(db));
        var cases = new Cases.CaseProjector(db);
        var explanations = new Profiles.ExplanationReader(db, access);
        var links = new Offenders.OffenderAddressLinks(db, clock);
        var eventService = ActivatorUtilities.CreateInstance<EventService>(services, db, access, audit, rules, checks, cases, explanations, clock, links);
        var flagService = ActivatorUtilities.CreateInstance<FlagService>(services, db, access, audit, clock);
        return new DemoRecorder(db, world, clock, eventService, flagService);
    }

    public static async Task WriteStructureAsync(SafeguardDb db, DemoWorld world, CancellationToken ct)
    {
        await WriteOrganisationAsync(db, ct);
        await WritePeopleAsync(db, world, ct);
    }

    /// <summary>The BCUs, teams, partner organisations, schools and term dates.</summary>
    public static async Task WriteOrganisationAsync(SafeguardDb db, CancellationToken ct)
    {
        db.Bcus.AddRange(DemoOrganisation.Bcus.Select(b => new Bcu { Code = b.Code, Name = b.Name }));
        db.Teams.AddRange(DemoOrganisation.Teams());
        db.Organisations.AddRange(DemoOrganisation.Organisations.Select(o => new PartnerOrganisation
        {
            Code = o.Code, Name = o.Name, Kind = o.Kind, LocalAuthority = o.LocalAuthority,
        }));
        db.Schools.AddRange(DemoSchools.Schools.Select(s => new Schools.School
        {
            Code = s.Code, Name = s.Name, LocalAuthority = s.LocalAuthority, KeyAdultName = s.KeyAdultName, KeyAdultContact = s.KeyAdultContact,
        }));
        db.SchoolTerms.AddRange(DemoSchools.TermDates());
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The world's people, with their duplicate records.</summary>
    public static async Task WritePeopleAsync(SafeguardDb db, DemoWorld world, CancellationToken ct)
    {
        foreach (var chunk in world.Children.Concat(world.Adults).Concat(world.Duplicates.Select(d => d.Duplicate)).Chunk(1000))
        {
            db.People.AddRange(chunk);
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    public async Task<(int Events, List<FlagOutcome> Flags)> RecordHistoriesAsync(CancellationToken ct)
    {
        var chronicle = world.Chronicle;
        var when = chronicle.Events.ToDictionary(e => e.Id, e => e.OccurredAt);
        // A flag is raised once every event it cites is stored, and not before the time it was planned for.
        var pendingFlags = new Queue<(DateTimeOffset At, PlannedFlag Flag)>(chronicle.Flags
            .Select(f => (At: f.EventIds.Select(id => when[id].AddMinutes(1)).Append(f.At).Max(), Flag: f))
            .OrderBy(x => x.At).ThenBy(x => x.Flag.PersonId).ThenBy(x => x.Flag.Code, StringComparer.Ordinal));
        var delays = world.Stream(99);
        int stored = 0;
        var outcomes = new List<FlagOutcome>();

        foreach (var day in chronicle.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Sequence).GroupBy(e => e.OccurredAt.UtcDateTime.Date))
        {
            while (pendingFlags.Count > 0 && pendingFlags.Peek().At.UtcDateTime.Date < day.Key)
                outcomes.Add(await RaiseAsync(pendingFlags.Dequeue(), ct));

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
            outcomes.Add(await RaiseAsync(pendingFlags.Dequeue(), ct));
        return (stored, outcomes);
    }

    /// <summary>Raises the flag by hand; when a rule has already suggested it, the supervisor confirms the
    /// suggestion instead, so the demo shows both kinds of reason. Answers what happened.</summary>
    private async Task<FlagOutcome> RaiseAsync((DateTimeOffset At, PlannedFlag Flag) item, CancellationToken ct)
    {
        var (personId, code, reason, eventIds, _) = item.Flag;
        clock.Now = item.At > world.Now ? world.Now : item.At;
        try
        {
            await flags.RaiseAsync(FlagRaiser, personId, code, reason, eventIds, ct: ct);
            return FlagOutcome.Raised;
        }
        catch (ProblemException e) when (e.Problem.Status == 409)
        {
            ClearTracking();
            var suggested = await db.Flags.Where(f => f.PersonId == personId && f.Code == code && f.Status == FlagStatus.Suggested)
                .Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
            if (suggested is not { } id) return FlagOutcome.AlreadyConfirmed;
            await flags.ConfirmAsync(FlagRaiser, personId, id, reason, ct);
            return FlagOutcome.SuggestionConfirmed;
        }
        finally
        {
            ClearTracking();
        }
    }

    /// <summary>Forgets stored entities between batches, so change tracking does not grow with the demo.</summary>
    private void ClearTracking() => db.ChangeTracker.Clear();
}
