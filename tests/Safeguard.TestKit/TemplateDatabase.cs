using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.Data;

namespace Safeguard.TestKit;

/// <summary>One migrated, empty database per test process, copied for each test: migrating a fresh database for each
/// of hundreds of tests was most of the suite's time. A SQLite file is copied; on PostgreSQL a database is created with
/// the template as its <c>TEMPLATE</c> (a file-level copy). The copy is exactly what migrating gives, so the app's start
/// finds nothing pending and goes on as on any up-to-date database (audit guards, seeding). Set
/// <c>SAFEGUARD_TEST_TEMPLATE=0</c> to migrate every test's database from nothing, as before.</summary>
public static class TemplateDatabase
{
    public static bool Enabled => Environment.GetEnvironmentVariable("SAFEGUARD_TEST_TEMPLATE") != "0";

    private static readonly Lazy<string> Sqlite = new(CreateSqlite, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock PostgresLock = new();
    private static readonly Dictionary<string, string> PostgresTemplates = [];

    /// <summary>Puts a copy of the migrated SQLite template at <paramref name="path"/>.</summary>
    public static void CopySqliteTo(string path) => File.Copy(Sqlite.Value, path);

    /// <summary>Creates <paramref name="database"/> on the server as a copy of the migrated template.</summary>
    public static void CreatePostgres(string server, string database)
    {
        string template;
        lock (PostgresLock)
        {
            if (!PostgresTemplates.TryGetValue(server, out template!)) PostgresTemplates[server] = template = CreatePostgresTemplate(server);
        }
        using var conn = new NpgsqlConnection(server + ";Database=postgres;Pooling=false");
        conn.Open();
        // FILE_COPY (PostgreSQL 15+) copies the template's files at once; the default, WAL_LOG, writes every block to the
        // log, which on a small template is about twice as slow. Older servers know only the file copy, and no STRATEGY.
        var strategy = conn.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : "";
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {database} TEMPLATE {template}{strategy}", conn);
        cmd.ExecuteNonQuery();
    }

    // -------------------------------------------------------------------------------------------------------------
    // A pool of test databases on PostgreSQL. Creating a database for every test and dropping it afterwards was most of
    // what a test cost on PostgreSQL beyond SQLite (each CREATE DATABASE copies ~9 MB and checkpoints, each new database
    // starts its connections with cold catalogue caches). A returned database is emptied in the background (every row
    // of every table but the migrations history, identities restarted) and handed to the next test, so it is again
    // exactly what migrating gives; a test that needs a database no other test will ever use asks for a fresh one.

    private static readonly Lock PoolLock = new();
    private static readonly Dictionary<string, Stack<string>> Ready = [];
    private static readonly Dictionary<string, string> EmptyingSql = [];
    private static readonly List<(string Server, string Database)> Pooled = [];
    private static readonly List<Task> Emptying = [];
    private static readonly Dictionary<string, int> Uses = [];
    private static bool _poolDropsAtExit;

    /// <summary>A database that is exactly the migrated template, for one test: an emptied one from the pool, or a new copy.</summary>
    public static string RentPostgres(string server)
    {
        lock (PoolLock)
        {
            if (Ready.TryGetValue(server, out var ready) && ready.Count > 0) return ready.Pop();
        }
        var database = "safeguard_test_" + Guid.NewGuid().ToString("N")[..16];
        CreatePostgres(server, database);
        lock (PoolLock)
        {
            Pooled.Add((server, database));
            if (!_poolDropsAtExit)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPool();
                _poolDropsAtExit = true;
            }
        }
        return database;
    }

    /// <summary>Takes back a database rented with <see cref="RentPostgres"/> once its test has finished with it; it is
    /// emptied in the background, then rented again. One that cannot be emptied is dropped instead.</summary>
    public static void ReturnPostgres(string server, string database)
    {
        var emptying = Task.Run(() =>
        {
            try
            {
                EmptyPostgres(server, database);
                lock (PoolLock)
                {
                    if (!Ready.TryGetValue(server, out var ready)) Ready[server] = ready = new Stack<string>();
                    ready.Push(database);
                }
            }
            catch (NpgsqlException)
            {
                lock (PoolLock) Pooled.Remove((server, database));
                DropPostgresLater(server, database);
            }
        });
        lock (PoolLock)
        {
            Emptying.RemoveAll(t => t.IsCompleted);
            Emptying.Add(emptying);
        }
    }

    private static void EmptyPostgres(string server, string database)
    {
        string sql;
        lock (PoolLock)
        {
            if (!EmptyingSql.TryGetValue(server, out sql!)) EmptyingSql[server] = sql = EmptyingStatements(server, database);
        }
        using var conn = new NpgsqlConnection($"{server};Database={database}");
        conn.Open();
        // As a replica, the access log's guards and the foreign keys' triggers stand aside: every table is emptied whole,
        // in any order. Only the test owner (a superuser on the test server) may do this.
        using (var cmd = new NpgsqlCommand(sql, conn)) cmd.ExecuteNonQuery();
        int uses;
        lock (PoolLock) Uses[database] = uses = Uses.GetValueOrDefault(database) + 1;
        // Emptied rows are dead rows until vacuumed, and the test server runs without autovacuum.
        if (uses % 20 == 0)
        {
            using var vacuum = new NpgsqlCommand("VACUUM", conn);
            vacuum.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes every row of every table but the migrations history and restarts every sequence, read once from
    /// the schema (every pooled database has the template's).</summary>
    private static string EmptyingStatements(string server, string database)
    {
        using var conn = new NpgsqlConnection($"{server};Database={database}");
        conn.Open();
        using var cmd = new NpgsqlCommand(
            """
            SELECT string_agg(format('DELETE FROM %I.%I;', schemaname, tablename), ' ') FROM pg_tables
             WHERE schemaname = current_schema() AND tablename <> '__EFMigrationsHistory'
            UNION ALL
            SELECT coalesce(string_agg(format('SELECT setval(%L, 1, false);', format('%I.%I', schemaname, sequencename)), ' '), '')
              FROM pg_sequences WHERE schemaname = current_schema()
            """, conn);
        using var reader = cmd.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read()) parts.Add(reader.GetString(0));
        return "SET session_replication_role = replica; " + string.Join(" ", parts) + " RESET session_replication_role;";
    }

    private static void DropPool()
    {
        Task[] emptying;
        List<(string Server, string Database)> pooled;
        lock (PoolLock) { emptying = [.. Emptying]; pooled = [.. Pooled]; }
        Task.WaitAll(emptying, TimeSpan.FromSeconds(30));
        foreach (var (server, database) in pooled)
        {
            RunOnServer(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static readonly Lock DropLock = new();
    private static Task _drops = Task.CompletedTask;
    private static bool _waitsAtExit;

    /// <summary>Drops a test's database in the background, one after another, so the next test need not wait for it;
    /// the process waits for the last drops when it exits.</summary>
    public static void DropPostgresLater(string server, string database) =>
        RunPostgresLater(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");

    /// <summary>Runs a statement on the server's <c>postgres</c> database after every drop queued so far (e.g. dropping
    /// a role once the databases that granted it rights are gone).</summary>
    public static void RunPostgresLater(string server, string sql)
    {
        lock (DropLock)
        {
            if (!_waitsAtExit)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => { Task t; lock (DropLock) t = _drops; t.Wait(TimeSpan.FromSeconds(60)); };
                _waitsAtExit = true;
            }
            _drops = _drops.ContinueWith(_ => RunOnServer(server, sql), TaskScheduler.Default);
        }
    }

    /// <summary>Runs one statement on the server's <c>postgres</c> database, for cleaning up: a throw-away server may already
    /// be stopping, and is deleted with its databases, so a refusal is let go.</summary>
    private static void RunOnServer(string server, string sql)
    {
        try
        {
            using var conn = new NpgsqlConnection(server + ";Database=postgres;Pooling=false");
            conn.Open();
            using var cmd = new NpgsqlCommand(sql, conn);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException) { /* see above */ }
    }

    private static string CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "safeguard-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "template.db");
        var options = new DbContextOptionsBuilder<SafeguardDb>()
            .UseSqlite($"Data Source={path};Pooling=False", x => x.MigrationsAssembly("Safeguard.Data.Sqlite")).Options;
        using (var db = new SafeguardDb(options)) db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(folder, true); } catch (IOException) { } };
        return path;
    }

    private static string CreatePostgresTemplate(string server)
    {
        var name = "safeguard_template_" + Guid.NewGuid().ToString("N")[..16];
        var options = new DbContextOptionsBuilder<SafeguardDb>()
            .UseNpgsql($"{server};Database={name};Pooling=false", x => x.MigrationsAssembly("Safeguard.Data.Postgres")).Options;
        using (var db = new SafeguardDb(options)) db.Database.Migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunOnServer(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        return name;
    }
}
