using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Core.Derivation;
using Safeguard.Core.Flags;
using Safeguard.Core.Organisation;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;

namespace Safeguard.Core.Demo;

/// <summary>How big a synthetic force to load in bulk: people, years of history, seed. <see cref="Force"/> and
/// <see cref="Region"/> are the sizes the benchmarks are measured at (issue 13).</summary>
public sealed record ScaleOptions(int People, int Years = 10, int Seed = DemoOptions.DefaultSeed)
{
    /// <summary>People per district: one demo world's worth (2,500 children, 1,500 adults, about 50 duplicates).</summary>
    public const int DistrictPeople = 4000;

    public static ScaleOptions Force { get; } = new(200_000);
    public static ScaleOptions Region { get; } = new(1_000_000);

    /// <summary>A named size: force, region, or tiny (two districts, for tests and CI).</summary>
    public static ScaleOptions? Named(string? size) => size switch { "force" => Force, "region" => Region, "tiny" => new(8_000), _ => null };
}

/// <summary>Where a bulk load is: districts done of all, events written so far, time since it began.</summary>
public sealed record ScaleProgress(int DistrictsDone, int Districts, int People, long Events, TimeSpan Elapsed)
{
    public TimeSpan? Left => DistrictsDone == 0 ? null : Elapsed / DistrictsDone * (Districts - DistrictsDone);
}

/// <summary>What a bulk load made, and where its time went (writing rows, projecting cases and measures, running the rules).</summary>
public sealed record ScaleSummary(bool AlreadyPresent, int Districts, int People, long Events, long Participants, int Cases, int Flags,
    TimeSpan Planning, TimeSpan Writing, TimeSpan Projecting, TimeSpan Deriving, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>A synthetic force or region loaded in bulk, for measuring Safeguard at scale (issue 13 point 1).</summary>
/// <remarks>
/// <para><b>Shape.</b> The force is made of districts of about 4,000 people, each one demo world
/// (<see cref="DemoForce"/>'s planners, seed varied per district): households, domestic abuse, repeat missing children,
/// exploitation with linked suspects, custody, registered offenders, neglect and abuse notifications. A district's
/// history is planned as several eras of the same people (the latest first, each three years long, starting every two
/// years and three months), back to <see cref="ScaleOptions.Years"/>;
/// in an earlier era a person not yet born is left out of its events, and events citing a left-out event are left out
/// too. So most people have a few events and some children a hundred or more.</para>
/// <para><b>Speed.</b> Events and their people go through <see cref="IBulkWriter"/> (binary COPY on PostgreSQL, a prepared
/// insert on SQLite), one transaction per district, not through the event service. The recording standards are not
/// checked (the planners make complete records), and no access-log rows are written for the load itself. Then the
/// district's cases and measure facts are projected (<see cref="CaseProjector.ProjectWholeAsync"/>) and its people's
/// rules derived from their whole histories (<see cref="Rederivation"/>), as <c>safeguard rederive</c> would, so flags,
/// tasks, alerts and timers stand as if every event had been recorded one at a time.</para>
/// <para>An offender's address shared with a child is not linked during the load (recording does that, K4).</para>
/// </remarks>
public static partial class ScaleForce
{
    private const string Cause = "a synthetic force was loaded in bulk";
    /// <summary>Each era's histories span three years (a demo world's) and begin this many months before the previous
    /// era's: they overlap by nine months, which gives a force about ten events a person over ten years.</summary>
    private const int EraMonths = 27;

    /// <summary>Loads the force into an empty, migrated database (nothing is written when a demo or force is already
    /// there) and answers what it made. Histories are relative to <paramref name="now"/>.</summary>
    public static async Task<ScaleSummary> LoadAsync(IServiceProvider services, ScaleOptions options, DateTimeOffset now,
        IProgress<ScaleProgress>? progress = null, CancellationToken ct = default)
    {
        if (options.People < 100) throw new ArgumentOutOfRangeException(nameof(options), "A force needs at least 100 people.");
        if (options.Years is < 1 or > 30) throw new ArgumentOutOfRangeException(nameof(options), "Years of history must be 1 to 30.");
        var bulk = services.GetRequiredService<IBulkWriter>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            if (await db.Users.AnyAsync(u => u.Username == Roles.Officer, ct))
                return new ScaleSummary(true, 0, 0, 0, 0, 0, 0, default, default, default, default, default);
            await DemoRecorder.WriteOrganisationAsync(db, ct);
        }

        var districts = (int)Math.Ceiling(options.People / (double)ScaleOptions.DistrictPeople);
        var perDistrict = options.People / districts;
        var eras = (int)Math.Ceiling(options.Years * 12.0 / EraMonths);
        var from = now.AddYears(-options.Years);
        Stopwatch total = Stopwatch.StartNew(), planning = new(), writing = new(), projecting = new(), deriving = new();
        long events = 0, participants = 0;
        int people = 0, cases = 0, flags = 0;

        for (var d = 0; d < districts; d++)
        {
            planning.Start();
            var seed = unchecked(options.Seed + (d + 1) * 7919);
            var children = (int)Math.Round(perDistrict * 0.625);
            var world = DemoForce.Plan(new DemoOptions(seed, children, perDistrict - children), now);
            var district = new District(world, d, from, now);
            for (var era = 0; era < eras; era++)
            {
                var w = era == 0 ? world : PlanEra(world, era);
                if (w.Now < from) break;
                district.Add(w.Chronicle, era);
            }
            planning.Stop();

            writing.Start();
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await DemoRecorder.WritePeopleAsync(db, world, ct);
                await bulk.InsertAsync(db, district.Events, ct);
                await bulk.InsertAsync(db, district.Participants, ct);
                await bulk.InsertAsync(db, district.Relationships, ct);
                var raised = district.Flags(world.Chronicle.Flags);
                db.Flags.AddRange(raised);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                flags += raised.Count;
            }
            writing.Stop();

            projecting.Start();
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                cases += await scope.ServiceProvider.GetRequiredService<CaseProjector>().ProjectWholeAsync(district.Events, ct);
                await tx.CommitAsync(ct);
            }
            projecting.Stop();

            deriving.Start();
            await Rederivation.RunAsync(services, district.Participants.Select(p => p.PersonId).Distinct().Order().ToList(), Cause, ct);
            deriving.Stop();

            people += district.People;
            events += district.Events.Count;
            participants += district.Participants.Count;
            progress?.Report(new ScaleProgress(d + 1, districts, people, events, total.Elapsed));
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            // The sign-ins last: the officer's marks a complete force, as it marks a complete demo.
            db.Users.AddRange(DemoOrganisation.BuildUsers(Accounts.HashPassword(DemoForce.DemoPassword)));
            await db.SaveChangesAsync(ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        return new ScaleSummary(false, districts, people, events, participants, cases, flags,
            planning.Elapsed, writing.Elapsed, projecting.Elapsed, deriving.Elapsed, total.Elapsed);
    }

    /// <summary>An earlier era of a district: the same people, the themes planned again over its three years. The
    /// relationships of the households are the latest era's; partners and associates come with each era's themes.</summary>
    private static DemoWorld PlanEra(DemoWorld latest, int era)
    {
        var w = DemoWorld.EarlierEra(latest, era, era * EraMonths);
        DemoDomesticAbuse.Plan(w);
        DemoMissing.Plan(w);
        DemoExploitation.Plan(w);
        DemoOtherConcerns.Plan(w);
        return w;
    }

    /// <summary>One district's rows, built from its eras' chronicles: event ids and case references made unique to the
    /// district and era (every mention of an event id in event data rewritten the same way), people not yet born left out.</summary>
    private sealed class District(DemoWorld world, int number, DateTimeOffset from, DateTimeOffset now)
    {
        private readonly Dictionary<Guid, DateOnly?> _born = world.Children.Concat(world.Adults).Concat(world.Duplicates.Select(x => x.Duplicate))
            .ToDictionary(p => p.Id, p => p.DateOfBirth);
        private readonly Random _delays = new(unchecked(world.Options.Seed * 31 + 99));
        private readonly HashSet<string> _stored = new(StringComparer.Ordinal);

        public int People => _born.Count;
        public List<Event> Events { get; } = [];
        public List<Relationship> Relationships { get; } = [];
        public List<EventParticipant> Participants { get; } = [];

        public void Add(DemoChronicle chronicle, int era)
        {
            var prefix = $"d{number:D4}e{era}-";
            var left = new HashSet<string>(StringComparer.Ordinal);
            // In planning order: an event is always planned after the events it cites.
            foreach (var planned in chronicle.Events)
            {
                if (planned.OccurredAt < from || Cites(planned.Body, left) || !KeepBorn(planned))
                {
                    left.Add(planned.Id);
                    continue;
                }
                if (planned.Body["data"] is JsonObject data) OwnReferences(data, prefix);
                var json = DemoId().Replace(planned.Body.ToJsonString(), m => prefix + m.Groups[1].Value);
                using var document = JsonDocument.Parse(json);
                var s = EventSubmissionReader.Read(document.RootElement);
                var recordedAt = planned.OccurredAt.AddMinutes(_delays.Next(10, 240));
                var e = EventService.Build(s, recordedAt > now ? now : recordedAt, s.RecordedBy ?? "system:bulk-load", s.Unit ?? "");
                EventService.AddAssociates(e, EventService.FoundWith(e, s).Where(_born.ContainsKey));
                if (EventService.RelationshipOf(s, e) is { } relationship) Relationships.Add(relationship);
                Events.Add(e);
                Participants.AddRange(e.People);
                _stored.Add(e.Id);
            }
        }

        /// <summary>The latest era's hand-raised flags (one per person and code), confirmed by the demo supervisor, citing
        /// the events of theirs that were stored.</summary>
        public List<Flag> Flags(IEnumerable<PlannedFlag> planned)
        {
            var random = new Random(unchecked(world.Options.Seed * 17 + 5));
            return planned.Where(f => _born.ContainsKey(f.PersonId)).DistinctBy(f => (f.PersonId, f.Code)).Select(f =>
            {
                var ids = f.EventIds.Select(id => $"d{number:D4}e0-{id["demo-".Length..]}").Where(_stored.Contains).ToList();
                return FlagService.RaisedByHand(DemoWorld.NewId(random), f.PersonId, f.Code, FlagStatus.Confirmed, f.At, DemoRecorder.FlagRaiser.Name,
                    f.Reason, ids);
            }).ToList();
        }

        /// <summary>Leaves out of the event anyone born after it; false when nobody is left.</summary>
        private bool KeepBorn(PlannedEvent planned)
        {
            var on = DateOnly.FromDateTime(planned.OccurredAt.UtcDateTime);
            var people = planned.Body["people"]!.AsArray();
            for (var i = people.Count - 1; i >= 0; i--)
                if (_born.GetValueOrDefault(Guid.Parse(people[i]!["personId"]!.GetValue<string>())) is { } born && born > on)
                    people.RemoveAt(i);
            return people.Count > 0;
        }

        /// <summary>References to cases named by the planners (custody records, investigations built on a planned id) are
        /// made the district's and era's own, as the event ids are; those naming an event are rewritten with the ids.</summary>
        private static void OwnReferences(JsonObject data, string prefix)
        {
            foreach (var field in CaseStreams.ReferenceFields)
                if (data[field] is JsonValue v && v.TryGetValue<string>(out var reference) && !DemoId().IsMatch(reference))
                    data[field] = prefix + reference;
        }

        private static bool Cites(JsonObject body, HashSet<string> left) =>
            left.Count > 0 && body["data"] is JsonObject data
            && CaseStreams.ReferenceFields.Any(f => data[f] is JsonValue v && v.TryGetValue<string>(out var id) && left.Contains(id));
    }

    [GeneratedRegex("demo-(\\d{6})")]
    private static partial Regex DemoId();
}
