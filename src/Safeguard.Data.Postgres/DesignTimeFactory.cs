using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Safeguard.Core.Data;

namespace Safeguard.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the context for PostgreSQL migrations (scripts/add-migration.sh).
/// No connection is made to generate a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SafeguardDb>
{
    public SafeguardDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SafeguardDb>()
        .UseNpgsql("Host=localhost;Database=safeguard_design", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
