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
        if (provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Safeguard:Database:Provider is postgres but ConnectionStrings:Safeguard is not set.");
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
            services.AddDbContext<SafeguardDb>(o => o.UseSqlite(connection, x => x.MigrationsAssembly("Safeguard.Data.Sqlite").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
                .AddInterceptors(new SqliteDurability()));
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
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection) return;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
            cmd.ExecuteNonQuery();
        }
    }
}
