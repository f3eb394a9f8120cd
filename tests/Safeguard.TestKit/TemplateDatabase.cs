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
            _drops = _drops.ContinueWith(_ =>
            {
                try
                {
                    using var conn = new NpgsqlConnection(server + ";Database=postgres;Pooling=false");
                    conn.Open();
                    using var cmd = new NpgsqlCommand(sql, conn);
                    cmd.ExecuteNonQuery();
                }
                catch (NpgsqlException) { /* the throw-away server may already be stopping; it is deleted with its databases */ }
            }, TaskScheduler.Default);
        }
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var conn = new NpgsqlConnection(server + ";Database=postgres;Pooling=false");
                conn.Open();
                using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException) { /* the throw-away server may already be stopping */ }
        };
        return name;
    }
}
