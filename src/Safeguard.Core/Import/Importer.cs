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

/// <summary>Imports one export file of an older system (O1, O3). People are validated as <see cref="PeopleService"/>
/// validates them and events go through <see cref="EventService"/>, so the same standards, rules and audit apply as
/// for anything recorded by hand. People are matched a batch at a time (<see cref="PeopleBatch"/>,
/// <see cref="BatchMatcher"/>): a definite match gains a source reference, a possible match is created and queued
/// for review, no match is created. Re-running adds nothing twice (people by source reference, events by the id
/// "system:sourceId"); the checkpoint is committed with each batch, so an interrupted run carries on after the
/// last batch it stored.</summary>
public sealed class Importer(SafeguardDb db, PeopleService people, PersonAccess access, EventService events,
    MatchReviewService reviews, AuditLog audit, Derivation.RulesRunner rules, IBulkWriter bulk, TimeProvider clock)
{
    // People whose events this batch stored (or found stored): derived again, in bulk, at the batch's checkpoint.
    private readonly HashSet<Guid> _touched = [];
    // The run's matching index: candidates read for earlier batches and the people the run created.
    private readonly BatchMatcher _matcher = new();

    public static readonly Actor ImportActor = Actor.System("import");

    public async Task<(ImportRun Run, bool Resumed)> RunAsync(ImportMapping mapping, string fileName, byte[] content, ImportOptions options,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(mapping.System)) throw new MappingException("Name the older system: \"system\" in the mapping or --system.");
        var format = SourceRows.FormatOf(fileName, mapping.Format);
        var hash = Convert.ToHexString(SHA256.HashData([.. content, .. Encoding.UTF8.GetBytes(mapping.System + "\n" + mapping.Raw)]));
        var (run, resumed) = await StartAsync(mapping.System, Path.GetFileName(fileName), hash, ct);
        // Counted first (reading is quick next to storing), so progress can say how long is left.
        var toDo = SourceRows.Read(content, format, mapping.Columns).Count(r => r.Line > run.LastLineDone);
        var progress = new ImportProgressClock(options, toDo);
        await PreloadAsync(mapping, toDo, ct);
        try
        {
            var rows = SourceRows.Read(content, format, mapping.Columns).Where(r => r.Line > run.LastLineDone);
            foreach (var batch in rows.Chunk(Math.Max(1, options.BatchSize)))
            {
                ct.ThrowIfCancellationRequested();
                int done = await ImportBatchAsync(mapping, batch, run, options, ct);
                progress.Done(done, run);
                if (done < batch.Length) throw new OperationCanceledException(ct);
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

    /// <summary>Reading a batch's candidates key by key costs, per row, about what reading four stored people in one stream
    /// costs (measured), so a run with at least a quarter as many rows as there are people stored reads everyone at the
    /// start instead.</summary>
    private async Task PreloadAsync(ImportMapping mapping, int rows, CancellationToken ct)
    {
        if (mapping.People is null || rows == 0) return;
        var visible = access.Visible(ImportActor);
        var stored = await visible.CountAsync(p => p.MergedIntoId == null, ct);
        if (stored > 0 && rows * 4L >= stored) await _matcher.LoadAllAsync(visible, ct);
    }

    /// <summary>Imports one batch: its people with one save and the checkpoint in one transaction, then its events
    /// row by row. Returns how many of its rows were done: fewer than all when cancelled part-way, and then the rows
    /// done are committed and the checkpoint is after the last of them.</summary>
    private async Task<int> ImportBatchAsync(ImportMapping mapping, SourceRow[] rows, ImportRun run, ImportOptions options, CancellationToken ct)
    {
        var refused = new HashSet<int>();
        int done = rows.Length;
        if (mapping.People is { } peopleMapping)
        {
            var today = Calendar.SafeguardCalendar.LondonDate(clock.GetUtcNow());
            var batch = await PeopleBatch.PrepareAsync(db, people, access, reviews, audit, _matcher, peopleMapping, mapping.System, today, rows, ct);
            for (int i = 0; i < rows.Length; i++)
            {
                if (ct.IsCancellationRequested) { done = i; break; }
                if (!batch.Add(rows[i])) refused.Add(rows[i].Line);
                if (mapping.Events is null) options.AfterRow?.Invoke(rows[i].Line);
            }
            try
            {
                await SavePeopleAsync(batch, run, rows.Take(done).ToList(), checkpoint: mapping.Events is null);
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException && done > 0)
            {
                // The database refused something in the batch (another import storing the same id at once, say):
                // undo it and take its rows one at a time, so only the row at fault is refused.
                await ForgetUnsavedAsync(run);
                _matcher.Reset();
                if (done == 1) return await RefuseAsync(rows[0], run, options, "the database refused the row (it may conflict with another record)");
                for (int i = 0; i < done; i++) await ImportBatchAsync(mapping, [rows[i]], run, options, CancellationToken.None);
                return done;
            }
            // Told once the batch is stored, in the file's order.
            foreach (var (_, tell) in batch.Errors.Select(e => (e.Line, Tell: (Action)(() => options.Error?.Invoke(e))))
                .Concat(batch.Notes.Select(n => (n.Line, Tell: (Action)(() => options.Note?.Invoke(n))))).OrderBy(x => x.Line))
                tell();
            if (mapping.Events is null) return done;
        }

        for (int i = 0; i < done; i++)
        {
            if (ct.IsCancellationRequested) { done = i; break; }
            if (!refused.Contains(rows[i].Line)) await ImportEventRowAsync(mapping.Events!, mapping.System, rows[i], run, options, ct);
            run.Rows += mapping.People is null ? 1 : 0;
            options.AfterRow?.Invoke(rows[i].Line);
            run.LastLineDone = rows[i].Line;
        }
        await CheckpointAsync(run, CancellationToken.None);
        return done;
    }

    private async Task<int> RefuseAsync(SourceRow row, ImportRun run, ImportOptions options, string reason)
    {
        run.Rows++;
        run.BadRows++;
        run.LastLineDone = row.Line;
        await CheckpointAsync(run, CancellationToken.None);
        options.Error?.Invoke(new ImportError(row.Line, reason));
        return 1;
    }

    // Back to the counts of the last checkpoint, with nothing of the failed save left in the tracker.
    private async Task ForgetUnsavedAsync(ImportRun run)
    {
        db.ChangeTracker.Clear();
        var stored = await db.ImportRuns.AsNoTracking().FirstAsync(r => r.Id == run.Id);
        db.ImportRuns.Attach(run);
        db.Entry(run).CurrentValues.SetValues(stored);
        db.ChangeTracker.Clear();
    }

    /// <summary>The batch's people, source references, reviews and audit rows in one save; with the checkpoint
    /// in the same transaction when the rows hold nothing else.</summary>
    private async Task SavePeopleAsync(PeopleBatch batch, ImportRun run, IReadOnlyList<SourceRow> done, bool checkpoint)
    {
        // Once the rows are matched the batch is stored whatever happens, so that the checkpoint says the truth.
        var ct = CancellationToken.None;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        run.Rows += done.Count;
        run.PeopleCreated += batch.Created.Count - batch.Queued;
        run.PeopleQueued += batch.Queued;
        run.PeopleLinked += batch.Linked;
        run.PeopleAlreadyImported += batch.AlreadyImported;
        run.BadRows += batch.Errors.Count;
        if (checkpoint && done.Count > 0) run.LastLineDone = done[^1].Line;
        db.ImportRuns.Update(run);
        await WriteInBulkAsync(batch, ct);
        // What is left (reviews, the checkpoint) was added, not changed: looking through the entries for changes,
        // three times a save, would cost more than the inserts.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try { await db.SaveChangesAsync(ct); }
        finally { db.ChangeTracker.AutoDetectChangesEnabled = true; }
        foreach (var person in batch.Created) await people.LinkToOffendersAsync(person, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The batch's new people, their alias keys, the source references and the access-log rows, through the
    /// database's fast path (<see cref="IBulkWriter"/>) inside the batch's transaction: EF Core's inserts and change
    /// tracking cost more than matching. The access-log rows are numbered and hashed on from the last row first, as
    /// every save does (<see cref="AuditChain"/>), so the chain holds; EF Core saves what is left (reviews, the run) after.</summary>
    private async Task WriteInBulkAsync(PeopleBatch batch, CancellationToken ct)
    {
        await AuditChain.LinkAsync(db, batch.AuditRows, ct);
        await bulk.InsertAsync(db, batch.Created, ct);
        await bulk.InsertAsync(db, batch.Created.SelectMany(p => Search.PersonAliasKeys.Of(p.Aliases)
            .Select(k => new Search.PersonAliasKey { PersonId = p.Id, Key = k })).ToList(), ct);
        await bulk.InsertAsync(db, batch.Created.SelectMany(p => p.SourceRefs).Concat(batch.Links).ToList(), ct);
        await bulk.InsertAsync(db, batch.AuditRows, ct, withKeys: true);
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
        // Clearing the tracker keeps memory flat and drops anything a refused row left behind.
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

    private async Task ImportEventRowAsync(EventsMapping m, string system, SourceRow row, ImportRun run, ImportOptions options, CancellationToken ct)
    {
        try
        {
            if (row.Error is not null) throw new RowException(row.Error);
            await ImportEventAsync(m, system, row, run, ct);
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

    internal static string Describe(Problem p) => p.Errors is { Count: > 0 } errors
        ? $"{p.Code}: " + string.Join("; ", errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))
        : $"{p.Code}: {p.Detail ?? p.Title}";
}
