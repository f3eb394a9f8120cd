using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Import;
using Safeguard.Web.Hosting;

namespace Safeguard.Cli;

/// <summary><c>safeguard import INPUT --mapping MAPPING.json</c>: imports people and events from an older
/// system's CSV or JSON export (O1, O3). Refused rows, and rows imported with a field left empty (data-quality
/// notes), are reported by line, field and reason and do not stop the run; the exit code is non-zero only when
/// the import cannot run at all.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "CSV (with a header row) or JSON (an array of objects) export" };
        var mapping = new Option<FileInfo>("--mapping") { Description = "JSON file mapping the export's columns to people and events", Required = true };
        var system = new Option<string?>("--system") { Description = "Name of the older system (overrides \"system\" in the mapping)" };
        var database = new Option<string?>("--database") { Description = "sqlite (default) or postgres" };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, or the SQLite file in the data folder)" };
        var dataFolder = new Option<string?>("--data-folder") { Description = "Folder of the SQLite database (default: ./data)" };
        var errors = new Option<FileInfo?>("--errors") { Description = "Also write the refused rows and the data-quality notes (line, kind, field, reason) to this CSV file" };
        var command = new Command("import", "Import people and events from an older system's export, matching people against existing records")
        {
            input, mapping, system, database, connection, dataFolder, errors,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(input)!, parse.GetValue(mapping)!, parse.GetValue(system), parse.GetValue(database),
            parse.GetValue(connection), parse.GetValue(dataFolder), parse.GetValue(errors), ct));
        return command;
    }

    /// <summary>The web host waits for the disk on every commit so an acknowledged submission survives a
    /// crash (P4). An import acknowledges nobody, and whatever a crash loses is redone by running it again
    /// (idempotent, resumable), so it keeps one connection open with WAL's normal synchronisation, which
    /// still never corrupts the database but is many times faster.</summary>
    private static async Task RelaxSqliteSyncAsync(SafeguardDb db, CancellationToken ct)
    {
        if (!db.IsSqlite) return;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
    }

    private static string Left(TimeSpan t) => t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes} min {t.Seconds} s" : $"{Math.Ceiling(t.TotalSeconds)} s";

    private static async Task<int> RunAsync(FileInfo input, FileInfo mappingFile, string? system, string? database, string? connection,
        string? dataFolder, FileInfo? errorsFile, CancellationToken ct)
    {
        ImportMapping mapping;
        byte[] content;
        try
        {
            mapping = ImportMapping.Parse(await File.ReadAllTextAsync(mappingFile.FullName, ct));
            if (system is not null) mapping = mapping with { System = system };
            content = await File.ReadAllBytesAsync(input.FullName, ct);
        }
        catch (Exception e) when (e is MappingException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"import: cannot start: {e.Message}");
            return 2;
        }

        await using var services = CliServices.Build(database, connection, dataFolder);
        await services.MigrateDatabaseAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<Importer>();
        await RelaxSqliteSyncAsync(scope.ServiceProvider.GetRequiredService<SafeguardDb>(), ct);

        await using var errorWriter = errorsFile is null ? null : new StreamWriter(errorsFile.FullName);
        await using var errorCsv = errorWriter is null ? null : new CsvWriter(errorWriter, CultureInfo.InvariantCulture);
        if (errorCsv is not null) { foreach (var h in new[] { "line", "kind", "field", "reason" }) errorCsv.WriteField(h); await errorCsv.NextRecordAsync(); }
        void Write(int line, string kind, string field, string reason)
        {
            if (errorCsv is null) return;
            errorCsv.WriteField(line);
            errorCsv.WriteField(kind);
            errorCsv.WriteField(field);
            errorCsv.WriteField(reason);
            errorCsv.NextRecord();
        }
        int notes = 0;
        var options = new ImportOptions
        {
            Error = e =>
            {
                Console.Error.WriteLine($"line {e.Line}: {e.Reason}");
                Write(e.Line, "refused", "", e.Reason);
            },
            Note = n =>
            {
                notes++;
                Console.Error.WriteLine($"line {n.Line}: note: {n.Field} {n.Reason}");
                Write(n.Line, "note", n.Field, n.Reason);
            },
            Progress = p => Console.WriteLine($"  {p.RowsDone} of {p.RowsToDo} rows ({p.RowsPerSecond:0} rows/s)" +
                $"{(p.TimeLeft is { } left ? $", about {Left(left)} left" : "")}, {p.Run.BadRows} bad, {notes} notes"),
        };

        try
        {
            var (run, resumed) = await importer.RunAsync(mapping, input.Name, content, options, ct);
            if (resumed) Console.WriteLine($"Resumed an interrupted import of {run.FileName}.");
            Console.WriteLine($"Imported {input.Name} from {run.System}: {run.Rows} rows read");
            if (mapping.People is not null)
                Console.WriteLine($"  people: {run.PeopleCreated} new, {run.PeopleLinked} linked to existing records, " +
                    $"{run.PeopleQueued} new and queued for review, {run.PeopleAlreadyImported} already imported");
            if (mapping.Events is not null)
                Console.WriteLine($"  events: {run.EventsCreated} recorded, {run.EventsAlreadyImported} already imported");
            Console.WriteLine($"  bad rows: {run.BadRows}{(run.BadRows > 0 && errorsFile is not null ? $" (listed in {errorsFile.Name})" : "")}");
            if (mapping.People is not null)
                Console.WriteLine($"  notes: {notes} fields left empty in rows imported{(notes > 0 && errorsFile is not null ? $" (listed in {errorsFile.Name})" : "")}");
            return 0;
        }
        catch (Exception e) when (e is MappingException or InputException)
        {
            await Console.Error.WriteLineAsync($"import: cannot read {input.Name}: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("import: interrupted; run the same command again to carry on from the last checkpoint.");
            return 130;
        }
    }
}
