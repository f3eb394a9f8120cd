using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
using Safeguard.Core.AccessLog;
using Safeguard.Core.Organisation;

namespace Safeguard.Core.Exports;

/// <summary>The two file formats a list can be downloaded in.</summary>
public enum ExportFormat { Csv, Xlsx }

/// <summary>A finished download: the bytes, their media type and the file name offered to the browser.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Lists written out for a spreadsheet, as CSV or as an Excel workbook (issue 8 point 9, P2). Every export is
/// written to the access log: one entry for the export itself and one for each person in it. No cell can run as a
/// spreadsheet formula: a value starting with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe, as
/// OWASP advises for CSV injection, in both formats; in the workbook every cell is also an inline string, never a
/// formula or a number. An export holds at most <see cref="MaxRows"/> rows of the list as filtered, not only the page shown.</summary>
public sealed class ListExport(AuditLog audit, Data.SafeguardDb db)
{
    /// <summary>The most rows one download holds: a list longer than this is narrowed with its filters first.</summary>
    public const int MaxRows = 1000;

    /// <summary>A cell a spreadsheet will show as text, never evaluate.</summary>
    public static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    /// <summary>"csv" or "xlsx" (any case) as a format; null for anything else.</summary>
    public static ExportFormat? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    /// <summary>The file of a list, named <paramref name="name"/> plus the format's extension.</summary>
    public static ExportFile Write(ExportFormat format, string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        format == ExportFormat.Xlsx
            ? new(Xlsx(header, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx")
            : new(Csv(header, rows), "text/csv; charset=utf-8", name + ".csv");

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

    /// <summary>The bytes of an Excel workbook (Office Open XML), written by MiniExcel (ADR 0025), with one sheet named
    /// "Export": the header row first and frozen, then the rows (at most one cell per heading). Every cell is a string made safe (<see cref="Safe"/>), so
    /// nothing is evaluated or turned into a number or a date, and names in any alphabet survive (characters XML cannot
    /// hold are dropped).</summary>
    public static byte[] Xlsx(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        // The header is written as the first row (not as MiniExcel's column names, which must be distinct and may not be
        // empty), and frozen; the columns are keyed by their letters.
        var width = header.Count;
        IDictionary<string, object?> Line(IReadOnlyList<string?> cells)
        {
            var line = new Dictionary<string, object?>(width, StringComparer.Ordinal);
            for (var c = 0; c < width; c++) line[Column(c)] = XmlText(Safe(c < cells.Count ? cells[c] : null));
            return line;
        }
        var data = new List<IDictionary<string, object?>> { Line(header) };
        data.AddRange(rows.Select(Line));
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, data, printHeader: false, sheetName: "Export", excelType: MiniExcelLibs.ExcelType.XLSX,
            configuration: new MiniExcelLibs.OpenXml.OpenXmlConfiguration
            {
                FreezeRowCount = 1,
                AutoFilter = false,
                EnableWriteNullValueCell = true,
                TableStyles = MiniExcelLibs.OpenXml.TableStyles.None,
            });
        return stream.ToArray();
    }

    /// <summary>The column letters of a zero-based column: A … Z, AA … .</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>The text without characters XML cannot hold (control characters other than tab, line feed and carriage
    /// return, and unpaired surrogates); letters of every alphabet, including those outside the basic plane, are kept.</summary>
    private static string XmlText(string value)
    {
        if (value.All(XmlConvert.IsXmlChar)) return value;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { text.Append(value, i, 2); i++; }
            else if (XmlConvert.IsXmlChar(value[i])) text.Append(value[i]);
        }
        return text.ToString();
    }

    /// <summary>Writes the export to the access log, saved at once: one entry for the export itself (the list, how many
    /// rows, the format and the filters), and one for each person in it.</summary>
    public async Task AuditAsync(Actor actor, string list, IEnumerable<Guid?> people, int rows, ExportFormat format = ExportFormat.Csv,
        string? filters = null, CancellationToken ct = default)
    {
        var detail = $"{rows} rows as {(format == ExportFormat.Xlsx ? "XLSX" : "CSV")}{(string.IsNullOrWhiteSpace(filters) ? "" : "; " + filters)}";
        audit.Record(actor, AuditActions.Export, list, detail: detail);
        foreach (var id in people.OfType<Guid>().Distinct()) audit.Record(actor, AuditActions.Export, list, personId: id, detail: detail);
        await db.SaveChangesAsync(ct);
    }
}
