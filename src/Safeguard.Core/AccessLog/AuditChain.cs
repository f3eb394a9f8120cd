using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Core.Data;

namespace Safeguard.Core.AccessLog;

/// <summary>The hash chain over the access log. When rows are saved they are numbered on from the last row and each
/// is given <c>Hash = SHA-256(previous hash, its contents)</c>; the database refuses a row that does not follow the
/// last one (<see cref="AuditGuards"/>). Saving is serialised: on SQLite the write transaction already holds the
/// database's one write lock; on PostgreSQL a transaction-scoped advisory lock is taken before the last row is read.</summary>
public static class AuditChain
{
    /// <summary>The advisory lock key that serialises appending to the access log on PostgreSQL.</summary>
    public const long PostgresLockKey = 0x5AFE_A0D1;

    /// <summary>The hash of a row given the hash of the row before it: every field, length-prefixed so that no two
    /// different rows can read the same, with the time in whole microseconds (what PostgreSQL keeps).</summary>
    public static string Compute(string? prevHash, AuditEntry e)
    {
        var b = new StringBuilder();
        void Add(string? s) { if (s is null) b.Append("-1:"); else b.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s); b.Append('|'); }
        Add(prevHash);
        Add(e.Id.ToString(CultureInfo.InvariantCulture));
        Add(Microseconds(e.At).ToString(CultureInfo.InvariantCulture));
        Add(e.ActorId); Add(e.ActorName); Add(e.ActorRole); Add(e.Action); Add(e.Entity); Add(e.EntityId);
        Add(e.PersonId?.ToString("D"));
        Add(e.Detail); Add(e.Reason);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b.ToString())));
    }

    /// <summary>The instant in whole microseconds since 0001-01-01 UTC.</summary>
    public static long Microseconds(DateTimeOffset at) => at.UtcTicks / 10;

    /// <summary>The instant cut to whole microseconds, as both databases store it.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>Numbers and hashes the rows about to be added, in the order they were recorded, after the last row
    /// stored. Must run inside the transaction that saves them.</summary>
    internal static async Task LinkAsync(SafeguardDb db, IReadOnlyList<EntityEntry<AuditEntry>> added, CancellationToken ct)
    {
        var (id, hash) = await LockAndReadLastAsync(db, ct);
        Number(added, id, hash);
    }

    // Takes the append lock (PostgreSQL; SQLite's write transaction holds its one lock) and reads the last row's number and hash.
    private static async Task<(long Id, string? Hash)> LockAndReadLastAsync(SafeguardDb db, CancellationToken ct)
    {
        if (!db.IsSqlite) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        var last = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        return (last?.Id ?? 0, last?.Hash);
    }

    /// <summary>Numbers and hashes rows that are not tracked, for a caller that inserts them itself, in order, inside
    /// this transaction (the importer's bulk path).</summary>
    internal static async Task LinkAsync(SafeguardDb db, IReadOnlyList<AuditEntry> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var (last, hash) = await LockAndReadLastAsync(db, ct);
        Number(rows, last, hash, (e, id) => e.Id = id);
    }

    internal static void Link(SafeguardDb db, IReadOnlyList<EntityEntry<AuditEntry>> added)
    {
        if (!db.IsSqlite) db.Database.ExecuteSqlRaw($"SELECT pg_advisory_xact_lock({PostgresLockKey})");
        var last = db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefault();
        Number(added, last?.Id ?? 0, last?.Hash);
    }

    private static void Number(IReadOnlyList<EntityEntry<AuditEntry>> added, long id, string? prev)
    {
        var entries = added.ToDictionary(e => e.Entity);
        Number(added.Select(e => e.Entity).ToList(), id, prev, (e, n) =>
        {
            var key = entries[e].Property(a => a.Id);
            key.CurrentValue = n;
            key.IsTemporary = false;
        });
    }

    private static void Number(IReadOnlyList<AuditEntry> rows, long id, string? prev, Action<AuditEntry, long> setId)
    {
        foreach (var e in rows)
        {
            setId(e, ++id);
            e.At = Truncate(e.At);
            e.PrevHash = prev;
            e.Hash = prev = Compute(e.PrevHash, e);
        }
    }

    /// <summary>What <c>safeguard audit verify</c> found: how many rows were checked, how many older rows come before
    /// the chain began (stored before it existed), the first broken link if any, and the last row's number and hash
    /// (note them elsewhere: a later run that ends before that row shows rows cut from the end).</summary>
    public sealed record Verification(long Checked, long BeforeChain, long? BrokenAt, string? Problem, long LastId, string? LastHash)
    {
        public bool Intact => BrokenAt is null;
    }

    /// <summary>Walks the whole log in order, a batch at a time, and reports the first row whose number, link to the
    /// row before or hash does not hold. Rows stored before the chain existed (no hash) may only come first.</summary>
    public static async Task<Verification> VerifyAsync(SafeguardDb db, CancellationToken ct = default)
    {
        const int batch = 5000;
        long checkedRows = 0, before = 0, lastId = 0;
        string? prev = null;
        var chained = false;
        while (true)
        {
            var after = lastId;
            var rows = await db.Audit.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(batch).ToListAsync(ct);
            if (rows.Count == 0) break;
            foreach (var r in rows)
            {
                if (!chained && r.Hash is null) { before++; lastId = r.Id; continue; }
                chained = true;
                if (r.Id != lastId + 1)
                    return new(checkedRows, before, r.Id, lastId + 1 == r.Id - 1 ? $"row {lastId + 1} is missing" : $"rows {lastId + 1} to {r.Id - 1} are missing", lastId, prev);
                if (r.Hash is null) return new(checkedRows, before, r.Id, "the row has no hash", lastId, prev);
                if (r.PrevHash != prev) return new(checkedRows, before, r.Id, "the row does not link to the row before it", lastId, prev);
                if (Compute(r.PrevHash, r) != r.Hash) return new(checkedRows, before, r.Id, "the row's contents do not match its hash", lastId, prev);
                checkedRows++;
                prev = r.Hash;
                lastId = r.Id;
            }
        }
        return new(checkedRows, before, null, null, lastId, prev);
    }
}
