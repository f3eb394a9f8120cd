using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.AccessLog;

/// <summary>What the database itself enforces on the access log, put in place every time the schema is brought up
/// to date (after the migrations, so it survives migrations being squashed or regenerated; each statement can be run
/// again safely).
/// <list type="bullet">
/// <item>No row is changed or removed: <c>UPDATE</c> and <c>DELETE</c> are refused by row triggers on both providers;
/// on PostgreSQL <c>TRUNCATE</c> by a statement trigger; an upsert (<c>INSERT ... ON CONFLICT DO UPDATE</c>) fails on
/// the update trigger.</item>
/// <item>Each new row must follow the last one: its number is the last number plus one and its previous hash is the
/// last row's hash, so SQLite's <c>INSERT OR REPLACE</c> / <c>REPLACE</c> (which would delete the old row without firing
/// delete triggers) and rows slipped in without the chain are refused.</item>
/// <item>On PostgreSQL, when the application connects as its own role, that role may read and add rows and nothing
/// else; it does not own the table, so it cannot drop the triggers either.</item>
/// </list></summary>
public static class AuditGuards
{
    public const string Refusal = "the access log is append-only";

    private static readonly string[] Sqlite =
    [
        "DROP TRIGGER IF EXISTS audit_no_update",
        $"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, '{Refusal}'); END",
        "DROP TRIGGER IF EXISTS audit_no_delete",
        $"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, '{Refusal}'); END",
        "DROP TRIGGER IF EXISTS audit_follows_last",
        $"""
        CREATE TRIGGER audit_follows_last BEFORE INSERT ON audit
        WHEN NEW."Hash" IS NULL
          OR NEW."Id" IS NOT (SELECT COALESCE(MAX("Id"), 0) + 1 FROM audit)
          OR NEW."PrevHash" IS NOT (SELECT "Hash" FROM audit ORDER BY "Id" DESC LIMIT 1)
        BEGIN SELECT RAISE(ABORT, '{Refusal}: a new row must follow the last one'); END
        """,
    ];

    private static readonly string[] Postgres =
    [
        $"""
        CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{Refusal}'; END; $$
        """,
        "DROP TRIGGER IF EXISTS audit_no_change ON audit",
        "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()",
        "DROP TRIGGER IF EXISTS audit_no_truncate ON audit",
        "CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()",
        $"""
        CREATE OR REPLACE FUNCTION audit_follows_last() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE last_id bigint; last_hash text;
        BEGIN
          SELECT "Id", "Hash" INTO last_id, last_hash FROM audit ORDER BY "Id" DESC LIMIT 1;
          IF NEW."Hash" IS NULL OR NEW."Id" <> COALESCE(last_id, 0) + 1 OR NEW."PrevHash" IS DISTINCT FROM last_hash THEN
            RAISE EXCEPTION '{Refusal}: a new row must follow the last one';
          END IF;
          RETURN NEW;
        END; $$
        """,
        "DROP TRIGGER IF EXISTS audit_follows_last ON audit",
        "CREATE TRIGGER audit_follows_last BEFORE INSERT ON audit FOR EACH ROW EXECUTE FUNCTION audit_follows_last()",
    ];

    /// <summary>Puts the triggers in place; on PostgreSQL, when <paramref name="applicationRole"/> is given (the
    /// application connects as a different role from the one migrating), grants that role what it needs on every
    /// table and takes away changing, removing and emptying the access log.</summary>
    public static async Task ApplyAsync(SafeguardDb db, string? applicationRole, CancellationToken ct = default)
    {
        // The application's own role (no migration connection configured) owns nothing and may not touch triggers: the
        // owner put them in place when it migrated, so there is nothing to do.
        if (!db.IsSqlite && !await OwnsTheLogAsync(db, ct)) return;
        foreach (var sql in db.IsSqlite ? Sqlite : Postgres) await db.Database.ExecuteSqlRawAsync(sql, ct);
        if (db.IsSqlite || string.IsNullOrWhiteSpace(applicationRole)) return;
        var role = Quote(applicationRole);
        foreach (var sql in new[]
                 {
                     $"GRANT USAGE ON SCHEMA public TO {role}",
                     $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
                     $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
                     $"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit FROM {role}",
                     $"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON \"__EFMigrationsHistory\" FROM {role}",
                 })
            await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private static async Task<bool> OwnsTheLogAsync(SafeguardDb db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<bool>(
            "SELECT pg_has_role(current_user, t.tableowner, 'MEMBER') AS \"Value\" FROM pg_tables t WHERE t.tablename = 'audit' AND t.schemaname = current_schema()")
            .FirstOrDefaultAsync(ct);

    /// <summary>A role name as a quoted SQL identifier.</summary>
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
