using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Records;

/// <summary>One writer per person (issue 7, point 3). Work that reads a person's history and then writes
/// what follows from it (recording an event, deciding a flag, merging, deciding a match review) takes the
/// lock of every person it touches at the start of its transaction, so two such pieces of work for the same
/// child run one after the other and each sees what the other wrote: three missing reports at the same
/// moment all count.
/// <list type="bullet">
/// <item>PostgreSQL: a transaction-scoped advisory lock per person (<c>pg_advisory_xact_lock</c>) on a
/// stable 64-bit key from the person's id, released by commit or rollback. Keys are taken in ascending
/// order, so two transactions locking overlapping sets cannot deadlock.</item>
/// <item>SQLite: a transaction is begun <c>IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which takes the
/// database's one write lock before the first read, so nothing can interleave between read and write.
/// Waiting is bounded by the busy timeout; past it the request answers 503 <c>busy</c>.</item>
/// </list></summary>
public static class PersonLocks
{
    /// <summary>Takes the locks of <paramref name="personIds"/> inside the current transaction, before anything is read.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open: a lock outside one would be released at once.</exception>
    public static async Task TakeAsync(SafeguardDb db, IEnumerable<Guid> personIds, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Person locks are taken inside a transaction; begin one first.");
        if (db.IsSqlite) return; // BEGIN IMMEDIATE already holds the database's write lock.
        var keys = personIds.Select(KeyOf).Distinct().Order().ToList();
        if (keys.Count == 0) return;
        // One round trip; the keys are numbers computed here, never text from a request.
        var sql = string.Concat(keys.Select(k => $"SELECT pg_advisory_xact_lock({k});"));
        await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    /// <summary>The lock key of a person: the two halves of the id folded together. Two people may share a
    /// key (then they simply wait for each other); the same person always has the same key.</summary>
    public static long KeyOf(Guid personId)
    {
        Span<byte> bytes = stackalloc byte[16];
        personId.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
