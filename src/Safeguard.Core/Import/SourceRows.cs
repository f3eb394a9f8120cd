using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Safeguard.Core.Import;

/// <summary>One row of an export: its line in the file (for error reports) and its cells by column name.
/// <see cref="Error"/> is set when the row itself could not be read.</summary>
public sealed record SourceRow(int Line, IReadOnlyDictionary<string, string?> Cells, string? Error = null)
{
    public string? Get(string column) => Cells.TryGetValue(column, out var v) ? v : null;
}

/// <summary>The input file cannot be read at all (the CLI exits non-zero).</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>Reads CSV (with a header row) or JSON (an array of objects) exports into rows with line numbers.</summary>
public static class SourceRows
{
    public static string FormatOf(string fileName, string? declared) =>
        declared ?? (Path.GetExtension(fileName).Equals(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "csv");

    public static IEnumerable<SourceRow> Read(byte[] content, string format, IEnumerable<string> requiredColumns) =>
        format == "json" ? ReadJson(content) : ReadCsv(content, requiredColumns);

    private static IEnumerable<SourceRow> ReadCsv(byte[] content, IEnumerable<string> requiredColumns)
    {
        string? badData = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => badData = "the row has a stray or unbalanced quote",
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
        };
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header) throw new InputException("The CSV file has no header row.");
        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0) throw new InputException($"The CSV file has no column {string.Join(", ", missing)} that the mapping names.");

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Length; i++) cells[header[i]] = i < record.Length ? record[i] : null;
            string? error = badData ?? (record.Length != header.Length ? $"the row has {record.Length} cells, the header {header.Length}" : null);
            badData = null;
            yield return new SourceRow(line, cells, error);
        }
    }

    private static List<SourceRow> ReadJson(byte[] content)
    {
        var rows = new List<SourceRow>();
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int line = 1;
        long counted = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new InputException("The JSON file must be an array of objects.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                // The reader does not expose line numbers, so count the newlines up to each record's start.
                for (long i = counted; i < reader.TokenStartIndex; i++) if (content[i] == (byte)'\n') line++;
                counted = reader.TokenStartIndex;
                using var doc = JsonDocument.ParseValue(ref reader);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    rows.Add(new SourceRow(line, new Dictionary<string, string?>(), "the record is not a JSON object"));
                    continue;
                }
                var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                Flatten(doc.RootElement, "", cells);
                rows.Add(new SourceRow(line, cells));
            }
        }
        catch (JsonException e)
        {
            throw new InputException($"The JSON file is not valid JSON near line {e.LineNumber + 1}.");
        }
        return rows;
    }

    // Nested objects become dotted column names ("address.postcode"); lists of plain values become
    // separated text, so the same mapping kinds work for CSV and JSON.
    private static void Flatten(JsonElement e, string prefix, Dictionary<string, string?> cells)
    {
        foreach (var p in e.EnumerateObject())
        {
            var name = prefix + p.Name;
            switch (p.Value.ValueKind)
            {
                case JsonValueKind.Object: Flatten(p.Value, name + ".", cells); break;
                case JsonValueKind.Array:
                    cells[name] = string.Join(";", p.Value.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() : x.GetRawText()));
                    break;
                case JsonValueKind.String: cells[name] = p.Value.GetString(); break;
                case JsonValueKind.Null: cells[name] = null; break;
                default: cells[name] = p.Value.GetRawText(); break;
            }
        }
    }
}
