using Microsoft.EntityFrameworkCore;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Data;

/// <summary>Each provider's migrations match the model: a schema change without its migration fails here,
/// on SQLite and on PostgreSQL (scripts/test.sh runs this project once per provider).</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Fact]
    public void The_migrations_of_the_database_in_use_cover_the_whole_model()
    {
        using var db = _factory.Db();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(db.Database.GetPendingMigrations());
    }
}
