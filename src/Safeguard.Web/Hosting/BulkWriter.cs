using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Core.Data;

namespace Safeguard.Web.Hosting;

/// <summary>The databases' fast paths for adding many rows (<see cref="IBulkWriter"/>): on PostgreSQL binary <c>COPY</c>,
/// on SQLite one prepared <c>INSERT</c> run for every row inside a transaction. Columns, value converters and column types
/// come from EF Core's model, so the rows read back exactly as if EF Core had written them.</summary>
public sealed class BulkWriter : IBulkWriter
{
    public async Task InsertAsync<T>(SafeguardDb db, IReadOnlyCollection<T> rows, CancellationToken ct = default, bool withKeys = false) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Keys the database makes (identity columns) are left out unless the rows carry their own; every other mapped column is written.
        var columns = entity.GetProperties()
            .Where(p => withKeys || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
            .Select(p => new Column(p.GetColumnName(table)!, p.GetGetter(), p.GetRelationalTypeMapping()))
            .ToList();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection npgsql) await CopyAsync(npgsql, table, columns, rows, ct);
            else await InsertEachAsync(db, table, columns, rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    private static async Task CopyAsync<T>(Npgsql.NpgsqlConnection connection, StoreObjectIdentifier table, List<Column> columns, IReadOnlyCollection<T> rows,
        CancellationToken ct) where T : class
    {
        var name = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {name} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.ProviderValue(row) is { } value) await copy.WriteAsync(value, column.Mapping.StoreType, ct);
                else await copy.WriteNullAsync(ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task InsertEachAsync<T>(SafeguardDb db, StoreObjectIdentifier table, List<Column> columns, IReadOnlyCollection<T> rows,
        CancellationToken ct) where T : class
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i, null, nullable: true)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++) parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
