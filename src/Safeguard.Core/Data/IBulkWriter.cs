namespace Safeguard.Core.Data;

/// <summary>Adds many rows of one entity type at once through the database's fast path (a prepared insert in the
/// caller's transaction on SQLite, binary <c>COPY</c> on PostgreSQL), for loading data sets of millions of rows.</summary>
/// <remarks>It writes the table's columns exactly as EF Core maps them (names, value converters, column types), but
/// nothing else EF Core would do: no change tracking, no <see cref="SafeguardDb"/> save hooks, no related rows, and
/// no store-generated keys read back. Use it only for rows nobody else reads until the load is done.</remarks>
public interface IBulkWriter
{
    /// <summary>Inserts <paramref name="rows"/> into <typeparamref name="T"/>'s table. Store-generated keys are left to the
    /// database, unless <paramref name="withKeys"/>: then the rows' own keys are written (the access log, numbered by its chain).</summary>
    Task InsertAsync<T>(SafeguardDb db, IReadOnlyCollection<T> rows, CancellationToken ct = default, bool withKeys = false) where T : class;
}
