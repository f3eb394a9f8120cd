using System.Globalization;
using System.Text;
using CsvHelper;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Exports;

/// <summary>Lists written out as CSV for a spreadsheet (issue 8 point 9, P2): every export is written to the access log,
/// one entry for each person in it, and no cell can run as a spreadsheet formula (a value starting with =, +, -, @, a tab
/// or a carriage return is prefixed with an apostrophe, as OWASP advises for CSV injection).</summary>
public sealed class ListExport(AuditLog audit, Data.SafeguardDb db)
{
    /// <summary>A cell a spreadsheet will show as text, never evaluate.</summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>The CSV bytes (UTF-8 with a byte order mark, so spreadsheets read names with accents correctly) of a
    /// header row and the rows, every cell made safe.</summary>
    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var h in header) csv.WriteField(Safe(h));
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Safe(cell));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>Writes the export to the access log: one entry for each person in it, and one for the list when no
    /// person is in it, saved at once.</summary>
    public async Task AuditAsync(Actor actor, string list, IEnumerable<Guid?> people, int rows, CancellationToken ct = default)
    {
        var ids = people.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) audit.Record(actor, AuditActions.Export, list, detail: $"{rows} rows as CSV");
        foreach (var id in ids) audit.Record(actor, AuditActions.Export, list, personId: id, detail: $"{rows} rows as CSV");
        await db.SaveChangesAsync(ct);
    }
}
