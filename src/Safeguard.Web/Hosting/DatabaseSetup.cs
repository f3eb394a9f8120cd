using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Data;
using System.Data.Common;

namespace Safeguard.Web.Hosting;

/// <summary>Chooses the database provider and brings the schema up to date at start-up.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddSafeguardDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = config["Safeguard:Database:Provider"] ?? "sqlite";
        var connection = config.GetConnectionString("Safeguard");
        services.AddSingleton(new MigrationConnection(config.GetConnectionString("SafeguardMigrations")));
        services.AddSingleton<IBulkWriter, BulkWriter>();
        // How long work waits for another's lock on the same people before answering 503 busy.
        var busyMs = (int)(double.Parse(config["Safeguard:Database:BusyTimeoutSeconds"] ?? "10", System.Globalization.CultureInfo.InvariantCulture) * 1000);
        if (provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Safeguard:Database:Provider is postgres but ConnectionStrings:Safeguard is not set.");
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            if (builder.Options is null || !builder.Options.Contains("lock_timeout"))
                builder.Options = $"{builder.Options} -c lock_timeout={busyMs}".Trim();
            connection = builder.ConnectionString;
            services.AddDbContext<SafeguardDb>(o => o.UseNpgsql(connection, x => x.MigrationsAssembly("Safeguard.Data.Postgres").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                var folder = Path.GetFullPath(config["Safeguard:DataFolder"] ?? "data");
                Directory.CreateDirectory(folder);
                connection = $"Data Source={Path.Combine(folder, "safeguard.db")}";
            }
            // Microsoft.Data.Sqlite also retries a busy database until the command timeout: keep both to the same bound.
            connection = new SqliteConnectionStringBuilder(connection) { DefaultTimeout = Math.Max(1, (busyMs + 999) / 1000) }.ConnectionString;
            services.AddDbContext<SafeguardDb>(o => o.UseSqlite(connection, x => x.MigrationsAssembly("Safeguard.Data.Sqlite").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(new SqliteDurability(busyMs)));
        }
        return services;
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var owner = services.GetService<MigrationConnection>()?.ConnectionString;
        if (!db.IsSqlite && !string.IsNullOrWhiteSpace(owner))
        {
            // Migrations run as the owner; the application's own role may then only read and add access-log rows.
            var options = new DbContextOptionsBuilder<SafeguardDb>()
                .UseNpgsql(owner, x => x.MigrationsAssembly("Safeguard.Data.Postgres")).Options;
            await using var ownerDb = new SafeguardDb(options);
            await ownerDb.Database.MigrateAsync(ct);
            var appRole = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username;
            var ownerRole = new Npgsql.NpgsqlConnectionStringBuilder(owner).Username;
            await AuditGuards.ApplyAsync(ownerDb, string.Equals(appRole, ownerRole, StringComparison.Ordinal) ? null : appRole, ct);
            await Core.Search.PersonAliasKeys.BackfillAsync(db, ct);
            return;
        }
        // Only when something is pending: the application's own role on PostgreSQL may read the migrations history but
        // not take the lock migrating takes, so an up-to-date database must not need it.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
        await AuditGuards.ApplyAsync(db, null, ct);
        // People recorded before search had alias keys get them (a no-op once done).
        await Core.Search.PersonAliasKeys.BackfillAsync(db, ct);
    }

    /// <summary><c>ConnectionStrings:SafeguardMigrations</c>: on PostgreSQL, the owner's connection that migrations
    /// run with, while <c>ConnectionStrings:Safeguard</c> is the application's own, lesser role. Unset: one connection.</summary>
    public sealed record MigrationConnection(string? ConnectionString);

    /// <summary>Write-ahead logging for concurrent readers, with full synchronisation so that an
    /// acknowledged write survives the process dying straight after (P4); wait rather than fail when busy.
    /// Set once per SQLite connection: a pooled connection keeps them, and EF Core opens one for every query.</summary>
    private sealed class SqliteDurability(int busyMs) : DbConnectionInterceptor
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _set = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || _set.TryGetValue(handle, out _)) return;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyMs}; PRAGMA foreign_keys=ON;";
            cmd.ExecuteNonQuery();
            _set.AddOrUpdate(handle, handle);
        }
    }
}
