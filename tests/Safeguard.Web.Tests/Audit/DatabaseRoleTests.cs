using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Safeguard.Core.AccessLog;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Audit;

/// <summary>A test that needs PostgreSQL: SQLite has no database roles. scripts/test.sh runs this project on
/// PostgreSQL as well, where these run, and leaves classes with the trait Provider=postgres out of the SQLite run
/// (so they are not counted as skipped there); run by hand on SQLite they show as skipped, with this reason.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (SafeguardFactory.Provider != "postgres") Skip = "PostgreSQL only: SQLite has no database roles (scripts/test.sh runs this project on PostgreSQL too).";
    }
}

/// <summary>Issue 11 point 4: on PostgreSQL the application runs as its own role, which may read and add access-log rows
/// and nothing else, while migrations run as the owner (docs/operations.md, "Two database roles on PostgreSQL").</summary>
[Trait("Provider", "postgres")]
public sealed class DatabaseRoleTests : IDisposable
{
    private readonly Dictionary<string, string> _settings = [];
    private readonly SafeguardFactory _factory;
    private readonly string _role = "safeguard_app_" + Guid.NewGuid().ToString("N")[..10];
    private readonly string? _server = Environment.GetEnvironmentVariable("SAFEGUARD_TEST_POSTGRES");

    public DatabaseRoleTests()
    {
        // A database of its own: it grants rights to a role of this test's, which is dropped after the database.
        _factory = new SafeguardFactory(_settings, freshDatabase: true);
        if (SafeguardFactory.Provider != "postgres") return;
        using (var conn = new NpgsqlConnection(_server + ";Database=postgres"))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE ROLE {_role} LOGIN", conn);
            cmd.ExecuteNonQuery();
        }
        _settings["ConnectionStrings:SafeguardMigrations"] = _factory.ConnectionString;
        _settings["ConnectionStrings:Safeguard"] = AppConnection;
    }

    private string AppConnection => new NpgsqlConnectionStringBuilder(_factory.ConnectionString) { Username = _role }.ConnectionString;

    public void Dispose()
    {
        _factory.Dispose();
        if (SafeguardFactory.Provider != "postgres") return;
        // The factory drops its database in the background; the role can go only after it (the database granted it rights).
        TemplateDatabase.RunPostgresLater(_server!, $"DROP ROLE IF EXISTS {_role}");
    }

    private async Task<string?> AsAppRoleAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(AppConnection);
        await conn.OpenAsync();
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e) { return e.SqlState; }
    }

    [PostgresFact]
    public async Task The_application_role_records_and_reads_but_cannot_change_empty_or_unguard_the_access_log()
    {
        var api = _factory.Api();
        var child = await api.CreatePersonAsync(A.Child("Wiktoria", "Rolecheck").AgedYears(11).Build());
        var (viewed, _) = await api.GetJsonAsync($"/api/v1/people/{child}");
        long before;
        await using (var db = _factory.Db())
        {
            Assert.Equal(_role, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username);
            before = await db.Audit.LongCountAsync();
        }

        var refused = new Dictionary<string, string?>
        {
            ["update"] = await AsAppRoleAsync("UPDATE audit SET \"Detail\" = 'nothing happened'"),
            ["delete"] = await AsAppRoleAsync("DELETE FROM audit"),
            ["truncate"] = await AsAppRoleAsync("TRUNCATE audit"),
            ["drop trigger"] = await AsAppRoleAsync("DROP TRIGGER audit_no_change ON audit"),
            ["disable trigger"] = await AsAppRoleAsync("ALTER TABLE audit DISABLE TRIGGER audit_no_change"),
        };

        Assert.Equal(HttpStatusCode.OK, viewed);
        Assert.All(refused, r => Assert.True(r.Value == "42501", $"{r.Key} as the application's role: {r.Value ?? "carried out"}"));
        await using var check = _factory.Db();
        Assert.Equal(before, await check.Audit.LongCountAsync());
        Assert.True((await AuditChain.VerifyAsync(check)).Intact);
        // Everything else the application does still works as its own role.
        Assert.Null(await AsAppRoleAsync("UPDATE people SET \"Town\" = \"Town\""));

        // A server started with only the application's connection (the owner's password kept off it) starts and serves.
        using var appOnly = new SafeguardFactory(new Dictionary<string, string> { ["ConnectionStrings:Safeguard"] = AppConnection });
        Assert.Equal(HttpStatusCode.OK, (await appOnly.Api().GetJsonAsync($"/api/v1/people/{child}")).Status);
    }
}
