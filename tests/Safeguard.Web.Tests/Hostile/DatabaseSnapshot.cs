using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Hostile;

/// <summary>A fingerprint of the whole database cheap enough to take after every request: every table's row count and,
/// for versioned records, the sum of their versions (a change to any of them moves it). One query, tables read from
/// the data model, so a new table is included the day it is added. The access log counts only rows that record a change:
/// a refused post may show its page again, and reading is logged.</summary>
internal static class DatabaseSnapshot
{
    /// <summary>Access-log actions that record what was read, not a change.</summary>
    private static readonly string[] Reads =
        [Core.AccessLog.AuditActions.View, Core.AccessLog.AuditActions.Search, Core.AccessLog.AuditActions.List, Core.AccessLog.AuditActions.Export, Core.AccessLog.AuditActions.Print];

    public static async Task<Dictionary<string, long>> TakeAsync(SafeguardFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        var parts = new List<(string Label, string Sql)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.BaseType is null))
        {
            var table = entity.GetTableName()!;
            // A refused post may show its page again, and what a page shows is logged (P2): reads are not changes.
            parts.Add(entity.ClrType == typeof(Core.AccessLog.AuditEntry)
                ? (table + " (not reads)", $"(SELECT count(*) FROM \"{table}\" WHERE \"Action\" NOT IN ({string.Join(", ", Reads.Select(r => $"'{r}'"))}))")
                : (table, $"(SELECT count(*) FROM \"{table}\")"));
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var version in entity.GetProperties().Where(p => p.Name == "Version" && p.ClrType == typeof(int)))
                parts.Add((table + ".versions", $"(SELECT coalesce(sum(\"{version.GetColumnName(store)}\"), 0) FROM \"{table}\")"));
        }
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", parts.Select(p => p.Sql));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return parts.Select((p, i) => (p.Label, Value: Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Label, x => x.Value);
    }

    /// <summary>What differs between two snapshots, in words; empty when nothing does.</summary>
    public static List<string> Changes(Dictionary<string, long> before, Dictionary<string, long> after) =>
        before.Where(kv => after[kv.Key] != kv.Value).Select(kv => $"{kv.Key}: {kv.Value} → {after[kv.Key]}").ToList();
}
