using System.Globalization;
using System.IO.Compression;
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

    /// <summary>The bytes of an Excel workbook (Office Open XML) with one sheet: the header row in bold, frozen, then the
    /// rows. Every cell is an inline string made safe, so nothing is evaluated and names in any alphabet survive.</summary>
    public static byte[] Xlsx(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
                """);
            Part(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """);
            // Style 1 is bold text for the header; style 0 is plain text. Both use number format 49 ("@", text).
            Part(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs></styleSheet>
                """);
            var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
            using var sheet = XmlWriter.Create(entry.Open(), new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            sheet.WriteStartDocument(true);
            sheet.WriteStartElement("worksheet", ns);
            sheet.WriteStartElement("sheetViews", ns);
            sheet.WriteStartElement("sheetView", ns);
            sheet.WriteAttributeString("workbookViewId", "0");
            sheet.WriteStartElement("pane", ns);
            sheet.WriteAttributeString("ySplit", "1");
            sheet.WriteAttributeString("topLeftCell", "A2");
            sheet.WriteAttributeString("activePane", "bottomLeft");
            sheet.WriteAttributeString("state", "frozen");
            sheet.WriteEndElement();
            sheet.WriteEndElement();
            sheet.WriteEndElement();
            sheet.WriteStartElement("sheetData", ns);
            var r = 1;
            Row(sheet, ns, r++, header, 1);
            foreach (var row in rows) Row(sheet, ns, r++, row, 0);
            sheet.WriteEndElement();
            sheet.WriteEndElement();
            sheet.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>The column letters of a zero-based column: A … Z, AA … .</summary>
    public static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static void Row(XmlWriter sheet, string ns, int number, IReadOnlyList<string?> cells, int style)
    {
        var r = number.ToString(CultureInfo.InvariantCulture);
        sheet.WriteStartElement("row", ns);
        sheet.WriteAttributeString("r", r);
        for (var c = 0; c < cells.Count; c++)
        {
            sheet.WriteStartElement("c", ns);
            sheet.WriteAttributeString("r", Column(c) + r);
            sheet.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
            sheet.WriteAttributeString("t", "inlineStr");
            sheet.WriteStartElement("is", ns);
            sheet.WriteStartElement("t", ns);
            sheet.WriteAttributeString("xml", "space", null, "preserve");
            sheet.WriteString(XmlText(Safe(cells[c])));
            sheet.WriteEndElement();
            sheet.WriteEndElement();
            sheet.WriteEndElement();
        }
        sheet.WriteEndElement();
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

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(xml.Trim());
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
