using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using Safeguard.Core.MatchReviews;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;

namespace Safeguard.Core.Import;

/// <summary>A row that was not imported: its line and why, without personal data (P6).</summary>
public sealed record ImportError(int Line, string Reason);

/// <summary>How far a run has got.</summary>
public sealed record ImportProgress(int RowsDone, double RowsPerSecond, ImportRun Run);

/// <summary>What the caller wants to hear about, and how often.</summary>
public sealed record ImportOptions
{
    /// <summary>Rows per committed checkpoint.</summary>
    public int BatchSize { get; init; } = 100;
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);
    public int ProgressEveryRows { get; init; } = 1000;
    public Action<ImportProgress>? Progress { get; init; }
    public Action<ImportError>? Error { get; init; }
    /// <summary>Called after each row with its line; tests use it to interrupt a run part-way.</summary>
    public Action<int>? AfterRow { get; init; }
}

/// <summary>Imports one export file of an older system (O1, O3). Every person and event goes through
/// <see cref="PeopleService"/> and <see cref="EventService"/>, so the same standards, rules and audit
/// apply as for anything recorded by hand. People are matched through <see cref="PersonMatcher"/>: a
/// definite match gains a source reference, a possible match is created and queued for review, no
/// match is created. Re-running adds nothing twice (people by source reference, events by the id
/// "system:sourceId"); a checkpoint per batch lets an interrupted run carry on where it stopped.</summary>
public sealed class Importer(SafeguardDb db, PeopleService people, EventService events, PersonMatcher matcher,
    MatchReviewService reviews, AuditLog audit, Derivation.RulesRunner rules, TimeProvider clock)
{
    // People whose events this batch stored (or found stored): derived again, in bulk, at the batch's checkpoint.
    private readonly HashSet<Guid> _touched = [];

    public static readonly Actor ImportActor = Actor.System("import");

    public async Task<(ImportRun Run, bool Resumed)> RunAsync(ImportMapping mapping, string fileName, byte[] content, ImportOptions options,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(mapping.System)) throw new MappingException("Name the older system: \"system\" in the mapping or --system.");
        var format = SourceRows.FormatOf(fileName, mapping.Format);
        var hash = Convert.ToHexString(SHA256.HashData([.. content, .. Encoding.UTF8.GetBytes(mapping.System + "\n" + mapping.Raw)]));
        var (run, resumed) = await StartAsync(mapping.System, Path.GetFileName(fileName), hash, ct);

        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        int done = 0, sinceCheckpoint = 0;
        try
        {
            foreach (var row in SourceRows.Read(content, format, mapping.Columns))
            {
                if (row.Line <= run.LastLineDone) continue;
                ct.ThrowIfCancellationRequested();
                await ImportRowAsync(mapping, row, run, options, ct);
                run.Rows++;
                done++;
                options.AfterRow?.Invoke(row.Line);
                run.LastLineDone = row.Line;
                if (++sinceCheckpoint >= options.BatchSize) { await CheckpointAsync(run, CancellationToken.None); sinceCheckpoint = 0; }
                if (options.Progress is not null && (watch.Elapsed - lastReport >= options.ProgressInterval || done % options.ProgressEveryRows == 0))
                {
                    lastReport = watch.Elapsed;
                    options.Progress(new ImportProgress(done, done / Math.Max(watch.Elapsed.TotalSeconds, 0.001), run));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Keep what is committed: the rows up to the last one finished count as done.
            await CheckpointAsync(run, CancellationToken.None);
            throw;
        }
        run.FinishedAt = clock.GetUtcNow();
        audit.Record(ImportActor, AuditActions.Create, "import", run.Id.ToString(), detail:
            $"{run.System}: {run.Rows} rows, {run.PeopleCreated + run.PeopleQueued} people created, {run.PeopleLinked} linked, {run.EventsCreated} events, {run.BadRows} bad rows");
        await CheckpointAsync(run, CancellationToken.None);
        return (run, resumed);
    }

    private async Task<(ImportRun, bool)> StartAsync(string system, string fileName, string hash, CancellationToken ct)
    {
        var unfinished = await db.ImportRuns.Where(r => r.System == system && r.InputHash == hash && r.FinishedAt == null)
            .OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
        if (unfinished is not null) return (unfinished, true);
        var run = new ImportRun { Id = Guid.NewGuid(), System = system, FileName = fileName, InputHash = hash, By = ImportActor.Id, StartedAt = clock.GetUtcNow() };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return (run, false);
    }

    private async Task CheckpointAsync(ImportRun run, CancellationToken ct)
    {
        await DeriveTouchedAsync(run, ct);
        // Each row commits on its own; clearing the tracker keeps memory flat and drops anything a refused row left behind.
        db.ChangeTracker.Clear();
        db.ImportRuns.Update(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The batch's people are derived from their whole histories once, not once per imported event (E6).
    /// Rows after the last checkpoint are read again on a resume, so a crash before this runs loses nothing.</summary>
    private async Task DeriveTouchedAsync(ImportRun run, CancellationToken ct)
    {
        if (_touched.Count == 0) return;
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await rules.RederiveWithNeighboursAsync(_touched.ToList(), $"an import from {run.System}", ct);
        await tx.CommitAsync(ct);
        _touched.Clear();
    }

    private async Task ImportRowAsync(ImportMapping mapping, SourceRow row, ImportRun run, ImportOptions options, CancellationToken ct)
    {
        try
        {
            if (row.Error is not null) throw new RowException(row.Error);
            if (mapping.People is not null) await ImportPersonAsync(mapping.People, mapping.System, row, run, ct);
            if (mapping.Events is not null) await ImportEventAsync(mapping.Events, mapping.System, row, run, ct);
        }
        catch (Exception e) when (e is RowException or ProblemException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            run.BadRows++;
            var reason = e switch
            {
                ProblemException p => Describe(p.Problem),
                DbUpdateException => "the database refused the row (it may conflict with another record)",
                _ => e.Message,
            };
            options.Error?.Invoke(new ImportError(row.Line, reason));
        }
    }

    private async Task ImportPersonAsync(PeopleMapping m, string system, SourceRow row, ImportRun run, CancellationToken ct)
    {
        var mapped = RowMapper.MapPerson(m, system, row);
        if (await db.PersonSourceRefs.AnyAsync(r => r.System == system && r.SourceId == mapped.SourceId, ct))
        {
            run.PeopleAlreadyImported++;
            return;
        }
        var outcome = await matcher.MatchAsync(ImportActor, mapped.Input, mapped.DateOfBirth, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        switch (outcome)
        {
            case PersonMatchOutcome.DefiniteMatch definite:
                db.PersonSourceRefs.Add(new PersonSourceRef { PersonId = definite.Match.PersonId, System = system, SourceId = mapped.SourceId });
                audit.Record(ImportActor, AuditActions.Change, "person", definite.Match.PersonId.ToString(), definite.Match.PersonId,
                    $"linked to {system} record (score {definite.Match.Score:0.00})");
                await db.SaveChangesAsync(ct);
                run.PeopleLinked++;
                break;
            case PersonMatchOutcome.PossibleMatches possible:
                var created = await people.CreateAsync(ImportActor, mapped.Input, ct, findMatches: false);
                await reviews.QueueAsync(created.Person.Id, possible.Candidates, MatchReviewService.FromImport(system), ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                matcher.Remember(created.Person);
                run.PeopleQueued++;
                return;
            default:
                var added = await people.CreateAsync(ImportActor, mapped.Input, ct, findMatches: false);
                await tx.CommitAsync(ct);
                matcher.Remember(added.Person);
                run.PeopleCreated++;
                return;
        }
        await tx.CommitAsync(ct);
    }

    private async Task ImportEventAsync(EventsMapping m, string system, SourceRow row, ImportRun run, CancellationToken ct)
    {
        var mapped = RowMapper.MapEvent(m, system, row);
        // An event already imported is left as it is, even if its people have since been merged.
        if (await db.Events.AnyAsync(e => e.Id == mapped.Id, ct))
        {
            _touched.UnionWith(await db.EventParticipants.Where(p => p.EventId == mapped.Id).Select(p => p.PersonId).ToListAsync(ct));
            run.EventsAlreadyImported++;
            return;
        }
        var participants = new System.Text.Json.Nodes.JsonArray();
        foreach (var p in mapped.People)
        {
            var personId = await ResolveAsync(system, p.SourceId, ct) ?? throw new RowException($"{p.Column} names a person not imported from {system}");
            participants.Add(new System.Text.Json.Nodes.JsonObject { ["personId"] = personId.ToString(), ["role"] = p.Role });
        }
        mapped.Body["people"] = participants;
        var submission = EventSubmissionReader.Read(JsonSerializer.SerializeToElement(mapped.Body));
        var result = (await events.RecordAsync(ImportActor, [submission], ct, derive: false))[0];
        _touched.UnionWith(submission.People.Select(p => p.PersonId));
        if (!result.Created) { run.EventsAlreadyImported++; return; }
        await db.Events.Where(e => e.Id == mapped.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.SourceSystem, system), ct);
        run.EventsCreated++;
    }

    /// <summary>The Safeguard person an older system's id stands for, following merges to the record that survived.</summary>
    private async Task<Guid?> ResolveAsync(string system, string sourceId, CancellationToken ct)
    {
        var id = await db.PersonSourceRefs.Where(r => r.System == system && r.SourceId == sourceId).Select(r => (Guid?)r.PersonId).FirstOrDefaultAsync(ct);
        for (int hops = 0; id is not null && hops < 10; hops++)
        {
            var next = await db.People.Where(p => p.Id == id).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct);
            if (next is null) break;
            id = next;
        }
        return id;
    }

    private static string Describe(Problem p) => p.Errors is { Count: > 0 } errors
        ? $"{p.Code}: " + string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))
        : $"{p.Code}: {p.Detail ?? p.Title}";
}
