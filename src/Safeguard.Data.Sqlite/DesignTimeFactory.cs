using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Core.Data;

namespace Safeguard.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the context for SQLite migrations (scripts/add-migration.sh).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardDb>
{
    public SafeguardDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SafeguardDb>()
        .UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
