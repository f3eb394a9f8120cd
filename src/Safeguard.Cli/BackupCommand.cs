using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Calendar;
using Safeguard.Core.Data;

namespace Safeguard.Cli;

/// <summary><c>safeguard backup --to FILE</c> and <c>safeguard restore --from FILE</c> for the SQLite database (issue 11,
/// point 10). A backup is taken while the server runs: <c>VACUUM INTO</c> reads one consistent snapshot (a single read
/// transaction; writers carry on in the write-ahead log) into a new, self-contained file, which is then checked
/// before it is put in place. A restore checks the file first, refuses to replace a database the server has open
/// unless told to, and copies through SQLite's own backup interface so that nothing is ever half-copied on disk.
/// PostgreSQL is backed up with <c>pg_dump</c> (scripts/pg-backup.sh and scripts/pg-restore.sh).</summary>
public static class BackupCommand
{
    private const string PostgresHint = "the database is PostgreSQL: use scripts/pg-backup.sh and scripts/pg-restore.sh (pg_dump and pg_restore; see docs/operations.md).";

    public static Command CreateBackup()
    {
        var db = new DatabaseOptions();
        var to = new Option<FileInfo>("--to") { Description = "The backup file to write (must not exist, unless --force)", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the backup file if it exists" };
        var command = new Command("backup", "Copy the SQLite database to a file while the server runs: one consistent snapshot, checked") { to, force };
        db.AddTo(command);
        command.SetAction((parse, ct) => BackupAsync(db, parse, parse.GetValue(to)!, parse.GetValue(force), ct));
        return command;
    }

    public static Command CreateRestore()
    {
        var db = new DatabaseOptions();
        var from = new Option<FileInfo>("--from") { Description = "A file written by 'safeguard backup'", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace a database that already holds records, even one the server has open" };
        var command = new Command("restore", "Put a backup in place of the SQLite database, after checking it") { from, force };
        db.AddTo(command);
        command.SetAction((parse, ct) => RestoreAsync(db, parse, parse.GetValue(from)!, parse.GetValue(force), ct));
        return command;
    }

    private static async Task<int> BackupAsync(DatabaseOptions options, ParseResult parse, FileInfo to, bool force, CancellationToken ct)
    {
        var source = SqliteFile(options, parse, "backup");
        if (source is null) return 2;
        if (!File.Exists(source))
            return Fail("backup", $"there is no database at {source}.");
        var target = Path.GetFullPath(to.FullName);
        if (SamePath(target, source)) return Fail("backup", "the backup file cannot be the database itself.");
        if (File.Exists(target) && !force)
            return Fail("backup", $"{target} already exists; choose another file or add --force to replace it.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // Written beside the target under another name and moved into place only once checked: a backup that was
        // interrupted or is damaged never stands where a good one is expected.
        var partial = target + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var connection = Open(source, SqliteOpenMode.ReadWrite))
            {
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $file";
                vacuum.Parameters.AddWithValue("$file", partial);
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            await using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
            {
                // One self-contained file, whatever the source's journal.
                await ExecuteAsync(copy, "PRAGMA journal_mode=DELETE", ct);
                var problem = await CheckAsync(copy, ct);
                if (problem is not null) return Fail("backup", $"the copy failed its check ({problem}); nothing was written to {target}.");
            }
            SqliteConnection.ClearAllPools();
            File.Move(partial, target, overwrite: true);
            var counts = await CountAsync(target, ct);
            Console.WriteLine($"Backed up {source} to {target} at {Now()}: {counts}, {Size(target)}.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }
    }

    private static async Task<int> RestoreAsync(DatabaseOptions options, ParseResult parse, FileInfo from, bool force, CancellationToken ct)
    {
        var target = SqliteFile(options, parse, "restore");
        if (target is null) return 2;
        var backup = Path.GetFullPath(from.FullName);
        if (!File.Exists(backup)) return Fail("restore", $"there is no backup file at {backup}.");
        if (SamePath(backup, target)) return Fail("restore", "the backup file is the database itself.");

        await using (var check = Open(backup, SqliteOpenMode.ReadOnly))
        {
            string? problem;
            try
            {
                problem = await CheckAsync(check, ct);
            }
            catch (SqliteException e)
            {
                problem = e.SqliteErrorCode == 26 ? "it is not a SQLite database" : e.Message; // 26: SQLITE_NOTADB
            }
            if (problem is not null) return Fail("restore", $"{backup} cannot be restored: {problem}. The database was not touched.");
        }

        if (File.Exists(target) && new FileInfo(target).Length > 0)
        {
            var inUse = await InUseAsync(target, ct);
            if (inUse && !force)
                return Fail("restore", $"the database at {target} is in use (is the server running?). Stop the server first, or add --force to replace it under the running server.");
            if (!inUse && !force && await HoldsRecordsAsync(target, ct))
                return Fail("restore", $"the database at {target} already holds records; add --force to replace them with the backup.");
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        }

        // SQLite's backup interface copies page by page under the database's own locks: a server that has it open
        // sees either the old database or the restored one, never a mixture.
        await using (var source = Open(backup, SqliteOpenMode.ReadOnly))
        await using (var destination = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(destination);
            await ExecuteAsync(destination, "PRAGMA journal_mode=WAL", ct);
            var problem = await CheckAsync(destination, ct);
            if (problem is not null) return Fail("restore", $"the restored database failed its check ({problem}).");
        }
        var counts = await CountAsync(target, ct);
        Console.WriteLine($"Restored {backup} to {target} at {Now()}: {counts}.");
        return await RecordRestoreAsync(options, parse, backup, counts, ct);
    }

    /// <summary>Writes the restore into the restored database's access log (P2), through the access log itself so the row
    /// joins the hash chain: who ran it (the operating-system account), from which file, and the counts; no personal data.
    /// The schema is brought up to date first, as the server would on its next start, so the row can be written whatever
    /// version the backup came from.</summary>
    private static async Task<int> RecordRestoreAsync(DatabaseOptions options, ParseResult parse, string backup, string counts, CancellationToken ct)
    {
        try
        {
            SqliteConnection.ClearAllPools();
            await using var services = await options.OpenAsync(parse, ct);
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record(DatabaseOptions.CommandLineActor(), AuditActions.Restore, "database",
                detail: $"restored from {Path.GetFileName(backup)}: {counts}");
            await scope.ServiceProvider.GetRequiredService<SafeguardDb>().SaveChangesAsync(ct);
            return 0;
        }
        catch (Exception e) when (e is DbUpdateException or SqliteException or InvalidOperationException)
        {
            return Fail("restore", $"the backup is in place, but the restore could not be written to its access log ({e.GetBaseException().Message}).");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The SQLite file the options point at, or null (with a message) for PostgreSQL.</summary>
    private static string? SqliteFile(DatabaseOptions options, ParseResult parse, string command)
    {
        using var services = CliServices.Build(parse.GetValue(options.Provider), parse.GetValue(options.Connection), parse.GetValue(options.DataFolder));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        if (!db.Database.IsSqlite())
        {
            Console.Error.WriteLine($"{command}: {PostgresHint}");
            return null;
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return Path.GetFullPath(file);
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Null when the file is a sound Safeguard database; otherwise what is wrong, in words.</summary>
    private static async Task<string?> CheckAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var integrity = connection.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        var result = (string?)await integrity.ExecuteScalarAsync(ct);
        if (result != "ok") return "the integrity check found damage: " + result;
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'events', 'people', 'audit')";
        return (long)(await tables.ExecuteScalarAsync(ct))! == 4 ? null : "it is not a Safeguard database";
    }

    /// <summary>True when another process has the database open. Every connection to a database in write-ahead-log
    /// mode holds a shared lock on one byte of the <c>-shm</c> file (SQLite's "dead man switch") for as long as it is
    /// open, even idle; a process that has died holds nothing. So an exclusive lock on that byte is refused exactly
    /// while the server (or anything else) has the database open. A write in progress is caught as well.</summary>
    private static async Task<bool> InUseAsync(string file, CancellationToken ct)
    {
        const long deadManSwitch = 128; // SQLite's shared-memory lock offset 120 + 8 lock slots
        var shm = file + "-shm";
        if (OperatingSystem.IsLinux() && File.Exists(shm)) // the server runs on Linux; SQLite locks this way on every Unix
        {
            await using var stream = new FileStream(shm, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            try
            {
                stream.Lock(deadManSwitch, 1);
                stream.Unlock(deadManSwitch, 1);
            }
            catch (IOException)
            {
                return true;
            }
        }
        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 1 };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, "PRAGMA busy_timeout=500; BEGIN IMMEDIATE; ROLLBACK;", ct);
            return false;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return true;
        }
    }

    private static async Task<bool> HoldsRecordsAsync(string file, CancellationToken ct)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('people', 'events')";
        if ((long)(await command.ExecuteScalarAsync(ct))! < 2) return false;
        command.CommandText = "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM events)";
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    private static async Task<string> CountAsync(string file, CancellationToken ct)
    {
        await using var connection = Open(file, SqliteOpenMode.ReadOnly);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM events), (SELECT count(*) FROM audit)";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return $"{reader.GetInt64(0):N0} people, {reader.GetInt64(1):N0} events, {reader.GetInt64(2):N0} access-log entries";
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static int Fail(string command, string message)
    {
        Console.Error.WriteLine($"{command}: {message}");
        return 2;
    }

    private static bool SamePath(string a, string b) => string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static string Size(string file) => (new FileInfo(file).Length / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static string Now() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SafeguardCalendar.London).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}
