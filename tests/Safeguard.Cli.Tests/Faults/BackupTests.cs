using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.TestKit;

namespace Safeguard.Cli.Tests.Faults;

/// <summary>Issue 11, point 10: a backup taken while the server is busy recording restores into a new database that
/// holds every event acknowledged before the backup began, each one whole (one consistent moment, not a mixture).
/// On SQLite through <c>safeguard backup</c> / <c>safeguard restore</c>; on PostgreSQL through scripts/pg-backup.sh
/// and scripts/pg-restore.sh (pg_dump / pg_restore). Then the command's refusals, which guard the live database.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly FreshDatabase _database = new();
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_backup_taken_while_events_are_written_restores_every_event_acknowledged_before_it_whole()
    {
        var backupFile = _folder.File(_database.Provider == "sqlite" ? "safeguard-backup.db" : "safeguard-backup.dump");
        EventStorm storm;
        HashSet<string> acknowledgedBefore;
        await using (var server = await ServerProcess.StartAsync(_database))
        {
            using (var api = server.Api()) storm = await EventStorm.PrepareAsync(api);
            using var stop = new CancellationTokenSource();
            var clients = storm.RunAsync(() => server.Api(), clients: 3, stop.Token);
            var clock = Stopwatch.StartNew();
            while (storm.Acknowledged.Count() < 30 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50);
            acknowledgedBefore = storm.Acknowledged.Select(s => s.Id).ToHashSet();
            var countBefore = storm.Sent.Count;

            var backup = await BackupAsync(_database, backupFile);

            var sentDuring = storm.Sent.Count - countBefore;
            stop.Cancel();
            await clients;
            Assert.True(backup.ExitCode == 0, backup.ToString());
            Assert.True(sentDuring > 0, "No event was sent while the backup ran; it was not taken under load.");
        }
        Assert.True(acknowledgedBefore.Count >= 10, $"Only {acknowledgedBefore.Count} events were acknowledged before the backup.");

        using var restored = new FreshDatabase(_database.Provider);
        var restore = await RestoreAsync(restored, backupFile);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        var again = await RestoreAsync(restored, backupFile); // a database that now holds records is not replaced unasked
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already holds", again.Error);

        await using (var services = restored.Services())
        {
            var found = await StoredEvents.ReadAsync(services, storm.Sent);
            Assert.All(acknowledgedBefore, id => Assert.True(found.ContainsKey(id), $"Event {id}, acknowledged before the backup, is not in it."));
            await StoredEvents.AssertWholeAsync(services, found, storm.Sent);
        }
        // And the restored database serves them: a server started on it answers for each one.
        await using (var server = await ServerProcess.StartAsync(restored))
        using (var api = server.Api())
        {
            await Parallel.ForEachAsync(acknowledgedBefore, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (id, ct) =>
                Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/events/{Uri.EscapeDataString(id)}", ct)).StatusCode));
        }
    }

    // SQLite whatever the run (its own file): the PostgreSQL run leaves it out, as it would only repeat it (scripts/test.sh).
    [Fact]
    [Trait("Provider", "sqlite")]
    public async Task Restore_refuses_a_database_the_server_has_open_unless_forced_and_then_the_server_serves_the_backup()
    {
        using var database = new FreshDatabase("sqlite");
        var backupFile = _folder.File("backup.db");
        await using var server = await ServerProcess.StartAsync(database);
        using var api = server.Api();
        var before = await api.CreatePersonAsync(new { forename = "Amara", surname = "Okafor", dateOfBirth = "2014-06-02" });
        Assert.Equal(0, (await BackupAsync(database, backupFile)).ExitCode);
        var after = await api.CreatePersonAsync(new { forename = "Bethan", surname = "Lloyd", dateOfBirth = "2013-01-20" });

        var refused = await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", backupFile, "--database", "sqlite", "--connection", database.ConnectionString]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("is in use (is the server running?)", refused.Error);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{after}/profile")).StatusCode); // untouched

        var forced = await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", backupFile, "--force", "--database", "sqlite", "--connection", database.ConnectionString]);

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("1 people", forced.Out);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/people/{before}/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/people/{after}/profile")).StatusCode);

        // The restore is in the restored database's access log: who ran it (the operating-system account), no person,
        // and on the hash chain like every other row.
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDb>();
        var restores = await db.Audit.Where(a => a.Action == "restore").ToListAsync();
        var row = Assert.Single(restores);
        Assert.Equal(("database", $"system:command-line:{Environment.UserName}", (Guid?)null), (row.Entity, row.ActorId, row.PersonId));
        Assert.Contains("backup.db", row.Detail);
        Assert.DoesNotContain("Okafor", row.Detail);
        Assert.True((await Safeguard.Core.AccessLog.AuditChain.VerifyAsync(db)).Intact, "The access log's chain is broken after the restore.");
    }

    // SQLite whatever the run (its own file): the PostgreSQL run leaves it out, as it would only repeat it (scripts/test.sh).
    [Fact]
    [Trait("Provider", "sqlite")]
    public async Task Restore_refuses_a_damaged_or_foreign_file_and_a_database_that_holds_records_and_changes_nothing()
    {
        using var database = new FreshDatabase("sqlite");
        var target = new[] { "--database", "sqlite", "--connection", database.ConnectionString };
        await using (var server = await ServerProcess.StartAsync(database))
        using (var api = server.Api())
            await api.CreatePersonAsync(new { forename = "Amara", surname = "Okafor", dateOfBirth = "2014-06-02" });
        var good = _folder.File("good.db");
        Assert.Equal(0, (await BackupAsync(database, good)).ExitCode);
        var garbage = _folder.File("garbage.db");
        await File.WriteAllTextAsync(garbage, "name,date of birth\nAmara Okafor,02/06/2014\n" + new string('x', 5000));
        var foreign = _folder.File("foreign.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not safeguard')";
            await create.ExecuteNonQueryAsync();
        }
        var stamp = File.GetLastWriteTimeUtc(database.SqliteFile);

        var damaged = await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", garbage, .. target]);
        var notOurs = await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", foreign, .. target]);
        var missing = await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", _folder.File("nowhere.db"), .. target]);
        var holdsRecords = await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", good, .. target]);
        var overwrite = await SafeguardCli.RunAsync(_folder.Path, ["backup", "--to", good, .. target]);

        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("it is not a SQLite database", damaged.Error);
        Assert.Equal(2, notOurs.ExitCode);
        Assert.Contains("it is not a Safeguard database", notOurs.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no backup file at", missing.Error);
        Assert.Equal(2, holdsRecords.ExitCode);
        Assert.Contains("already holds records; add --force", holdsRecords.Error);
        Assert.Equal(2, overwrite.ExitCode);
        Assert.Contains("already exists; choose another file or add --force", overwrite.Error);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(database.SqliteFile));
        await using (var services = database.Services())
        await using (var scope = services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<Safeguard.Core.Data.SafeguardDb>().Audit.AnyAsync(a => a.Action == "restore"),
                "A refused restore wrote to the access log.");
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.partial-*"));
    }

    [Fact]
    public async Task On_postgres_the_backup_command_points_to_the_pg_dump_scripts()
    {
        var run = await SafeguardCli.RunAsync(_folder.Path,
            ["backup", "--to", _folder.File("x.db"), "--database", "postgres", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Database=none"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("scripts/pg-backup.sh", run.Error);
        Assert.False(File.Exists(_folder.File("x.db")));
    }

    private async Task<CliRun> BackupAsync(FreshDatabase database, string file) => database.Provider == "sqlite"
        ? await SafeguardCli.RunAsync(_folder.Path, ["backup", "--to", file, "--database", "sqlite", "--connection", database.ConnectionString])
        : await RunScriptAsync("pg-backup.sh", database, file);

    private async Task<CliRun> RestoreAsync(FreshDatabase database, string file) => database.Provider == "sqlite"
        ? await SafeguardCli.RunAsync(_folder.Path, ["restore", "--from", file, "--database", "sqlite", "--connection", database.ConnectionString])
        : await RunScriptAsync("pg-restore.sh", database, file);

    /// <summary>Runs scripts/NAME FILE with libpq's variables pointing at the database, as an operator would.</summary>
    private async Task<CliRun> RunScriptAsync(string name, FreshDatabase database, string file)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder.Path };
        start.ArgumentList.Add(Path.Combine(SafeguardCli.RepositoryRoot, "scripts", name));
        start.ArgumentList.Add(file);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGDATABASE"] = connection.Database;
        if (connection.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
