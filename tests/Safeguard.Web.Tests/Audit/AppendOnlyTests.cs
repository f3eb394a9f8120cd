using Microsoft.EntityFrameworkCore;
using Safeguard.Core.AccessLog;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Audit;

/// <summary>Issue 11 point 4: the access log is append-only in the database itself, on SQLite and on PostgreSQL
/// (scripts/test.sh runs this project on both), and its hash chain finds a row changed behind the database's back.</summary>
public sealed class AppendOnlyTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    private readonly HttpClient _api;

    public AppendOnlyTests() => _api = _factory.Api();
    public void Dispose() => _factory.Dispose();

    private async Task<(long Count, string? LastHash)> LogAsync()
    {
        await using var db = _factory.Db();
        return (await db.Audit.LongCountAsync(), await db.Audit.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstAsync());
    }

    /// <summary>Runs one statement and returns the database's refusal, or null if it was carried out.</summary>
    private async Task<string?> TryAsync(string sql)
    {
        await using var db = _factory.OwnerDb();
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql);
            return null;
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            return e.Message;
        }
    }

    private static string Columns(string prefix = "") =>
        string.Join(", ", new[] { "Id", "At", "ActorId", "ActorName", "ActorRole", "Action", "Entity", "EntityId", "PersonId", "Detail", "Reason", "PrevHash", "Hash" }
            .Select(c => prefix + "\"" + c + "\""));

    [Fact]
    public async Task Changing_removing_replacing_or_emptying_the_access_log_is_refused_by_the_database()
    {
        var child = await _api.CreatePersonAsync(A.Child("Ifeoma", "Appendonly").AgedYears(12).Build());
        await _api.GetJsonAsync($"/api/v1/people/{child}");
        var before = await LogAsync();
        var sqlite = SafeguardFactory.Provider == "sqlite";
        string[] attempts = sqlite
            ?
            [
                "UPDATE audit SET \"Detail\" = 'nothing happened'",
                "DELETE FROM audit",
                "DELETE FROM audit WHERE \"Id\" = (SELECT MAX(\"Id\") FROM audit)",
                $"INSERT OR REPLACE INTO audit ({Columns()}) SELECT {Columns()} FROM audit WHERE \"Id\" = 2",
                $"REPLACE INTO audit ({Columns()}) SELECT \"Id\", \"At\", 'someone-else', \"ActorName\", \"ActorRole\", \"Action\", \"Entity\", \"EntityId\", \"PersonId\", \"Detail\", \"Reason\", \"PrevHash\", \"Hash\" FROM audit WHERE \"Id\" = 3",
                // A row slipped in at the end without following the chain.
                $"INSERT INTO audit ({Columns()}) SELECT \"Id\" + 1, \"At\", \"ActorId\", \"ActorName\", \"ActorRole\", \"Action\", \"Entity\", \"EntityId\", \"PersonId\", \"Detail\", \"Reason\", NULL, 'forged' FROM audit ORDER BY \"Id\" DESC LIMIT 1",
            ]
            :
            [
                "UPDATE audit SET \"Detail\" = 'nothing happened'",
                "DELETE FROM audit",
                "TRUNCATE audit",
                "TRUNCATE audit CASCADE",
                $"INSERT INTO audit ({Columns()}) SELECT {Columns()} FROM audit WHERE \"Id\" = 2 ON CONFLICT (\"Id\") DO UPDATE SET \"ActorId\" = 'someone-else'",
                $"INSERT INTO audit ({Columns()}) SELECT \"Id\" + 1, \"At\", \"ActorId\", \"ActorName\", \"ActorRole\", \"Action\", \"Entity\", \"EntityId\", \"PersonId\", \"Detail\", \"Reason\", NULL, 'forged' FROM audit ORDER BY \"Id\" DESC LIMIT 1",
            ];

        var refusals = new List<string?>();
        foreach (var sql in attempts) refusals.Add(await TryAsync(sql));

        Assert.All(refusals.Zip(attempts), r => Assert.True(r.First?.Contains(AuditGuards.Refusal) == true, $"not refused: {r.Second}"));
        Assert.Equal(before, await LogAsync());
        await using var db = _factory.Db();
        Assert.True((await AuditChain.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task Verify_names_the_first_row_changed_behind_the_databases_back()
    {
        var child = await _api.CreatePersonAsync(A.Child("Tadeusz", "Chaintest").AgedYears(9).Build());
        for (var i = 0; i < 4; i++) await _api.GetJsonAsync($"/api/v1/people/{child}");
        long target;
        await using (var db = _factory.Db())
        {
            Assert.True((await AuditChain.VerifyAsync(db)).Intact);
            target = await db.Audit.Where(a => a.PersonId == Guid.Parse(child) && a.Action == "view").OrderBy(a => a.Id).Select(a => a.Id).Skip(1).FirstAsync();
        }

        // Someone with the owner's rights takes the guard off, rewrites who looked, and puts it back.
        var sqlite = SafeguardFactory.Provider == "sqlite";
        await using (var db = _factory.OwnerDb())
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_update");
                await db.Database.ExecuteSqlAsync($"UPDATE audit SET \"ActorName\" = 'Nobody' WHERE \"Id\" = {target}");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit DISABLE TRIGGER audit_no_change");
                await db.Database.ExecuteSqlAsync($"UPDATE audit SET \"ActorName\" = 'Nobody' WHERE \"Id\" = {target}");
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit ENABLE TRIGGER audit_no_change");
            }
        }

        await using var check = _factory.Db();
        var result = await AuditChain.VerifyAsync(check);

        Assert.False(result.Intact);
        Assert.Equal(target, result.BrokenAt);
        Assert.Equal("the row's contents do not match its hash", result.Problem);
        Assert.Equal(target - 1, result.LastId);
    }

    [Fact]
    public async Task Verify_names_a_row_removed_from_the_middle()
    {
        var child = await _api.CreatePersonAsync(A.Child("Oona", "Gaptest").AgedYears(9).Build());
        for (var i = 0; i < 3; i++) await _api.GetJsonAsync($"/api/v1/people/{child}");
        long target;
        await using (var db = _factory.Db())
            target = await db.Audit.Where(a => a.PersonId == Guid.Parse(child)).OrderBy(a => a.Id).Select(a => a.Id).Skip(1).FirstAsync();
        await using (var db = _factory.OwnerDb())
        {
            if (SafeguardFactory.Provider == "sqlite") await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_no_delete");
            else await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit DISABLE TRIGGER audit_no_change");
            await db.Database.ExecuteSqlAsync($"DELETE FROM audit WHERE \"Id\" = {target}");
        }

        await using var check = _factory.Db();
        var result = await AuditChain.VerifyAsync(check);

        Assert.Equal(target + 1, result.BrokenAt);
        Assert.Equal($"row {target} is missing", result.Problem);
    }

    [Fact]
    public async Task Rows_written_by_parallel_requests_form_one_unbroken_chain()
    {
        var child = await _api.CreatePersonAsync(A.Child("Paloma", "Parallel").AgedYears(10).Build());
        await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => _factory.Api().GetJsonAsync($"/api/v1/people/{child}")));

        await using var db = _factory.Db();
        var result = await AuditChain.VerifyAsync(db);

        Assert.True(result.Intact, result.Problem);
        Assert.Equal(24, await db.Audit.CountAsync(a => a.PersonId == Guid.Parse(child) && a.Action == "view"));
        Assert.Equal(await db.Audit.LongCountAsync(), result.Checked);
    }
}
