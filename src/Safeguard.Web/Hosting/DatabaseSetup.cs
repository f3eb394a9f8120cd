using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Write-ahead logging for concurrent readers, with full synchronisation so that an
    /// acknowledged write survives the process dying straight after (P4); wait rather than fail when busy.</summary>
    private sealed class SqliteDurability(int busyMs) : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection) return;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyMs}; PRAGMA foreign_keys=ON;";
            cmd.ExecuteNonQuery();
        }
    }
}
