using System.IO.Compression;
using System.Xml.Linq;

namespace Safeguard.Web.Tests.Exports;

/// <summary>Reads a downloaded Excel workbook the way a spreadsheet would: the first sheet's rows of cells. It refuses a
/// workbook with any formula in it, or any cell not held as text (an inline string, or a string value as MiniExcel
/// writes them): never a number, a date or a shared formula.</summary>
internal static class Workbook
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static IReadOnlyList<IReadOnlyList<string>> Rows(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
        using var stream = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var sheet = XDocument.Load(stream);
        Assert.Empty(sheet.Descendants(Main + "f"));
        return sheet.Descendants(Main + "row").Select(row => (IReadOnlyList<string>)row.Elements(Main + "c").Select(cell =>
        {
            var type = (string?)cell.Attribute("t");
            Assert.True(type is "inlineStr" or "str", $"cell {(string?)cell.Attribute("r")} is of type '{type}', not text");
            var text = type == "inlineStr" ? string.Concat(cell.Element(Main + "is")!.Elements(Main + "t").Select(t => t.Value))
                : (string?)cell.Element(Main + "v") ?? "";
            // A spreadsheet reads _xHHHH_ as the UTF-16 code unit HHHH (ECMA-376 ST_Xstring), as MiniExcel writes a
            // character outside the basic plane.
            return System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        }).ToList()).ToList();
    }

    /// <summary>The rows of a download, whichever of the two formats it is in.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> RowsAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType == "text/csv") return Csv(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return Rows(bytes);
    }

    /// <summary>CSV as written by the exports (quoted cells may hold commas, quotes and line breaks).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Csv(string text)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }
}
