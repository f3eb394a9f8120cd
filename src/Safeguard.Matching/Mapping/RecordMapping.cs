using System.Globalization;
using System.Text.Json;

namespace Safeguard.Matching.Mapping;

/// <summary>How the columns of a source file become <see cref="PersonRecord"/>s, read from a
/// mapping file such as
/// <c>{"id":"rec_id","fields":{"forename":"given_name","dateOfBirth":{"column":"dob","format":"yyyyMMdd"},"addressLine":["street_number","address_1"]}}</c>.
/// Unmapped columns are ignored; a value that cannot be read (an impossible date) is treated as missing.</summary>
public sealed class RecordMapping
{
    /// <summary>The person fields a mapping may fill.</summary>
    public static readonly IReadOnlyList<string> KnownFields =
        ["forename", "surname", "fullName", "dateOfBirth", "gender", "addressLine", "town", "postcode", "identifier"];

    private static readonly string[] FallbackDateFormats =
        ["yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "yyyy/MM/dd", "dd.MM.yyyy"];

    /// <summary>Creates a mapping from an id column and field mappings keyed by person field name.</summary>
    public RecordMapping(string idColumn, IReadOnlyDictionary<string, FieldMapping> fields)
    {
        foreach (var name in fields.Keys)
            if (!KnownFields.Contains(name)) throw new FormatException($"Unknown person field '{name}' in mapping; known: {string.Join(", ", KnownFields)}.");
        IdColumn = idColumn;
        Fields = fields;
    }

    /// <summary>The column holding each row's identifier.</summary>
    public string IdColumn { get; }

    /// <summary>Field mappings by person field name.</summary>
    public IReadOnlyDictionary<string, FieldMapping> Fields { get; }

    /// <summary>Every source column the mapping reads (the id column first).</summary>
    public IEnumerable<string> Columns => new[] { IdColumn }.Concat(Fields.Values.SelectMany(f => f.Columns)).Distinct();

    /// <summary>Reads a mapping file's JSON; throws <see cref="FormatException"/> with a clear reason when it is malformed.</summary>
    public static RecordMapping Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                throw new FormatException("Mapping needs \"id\": the name of the id column.");
            var fields = new Dictionary<string, FieldMapping>(StringComparer.Ordinal);
            if (root.TryGetProperty("fields", out var map))
                foreach (var property in map.EnumerateObject()) fields[property.Name] = ParseField(property.Name, property.Value);
            return new RecordMapping(id.GetString()!, fields);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Mapping is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Builds a person from one row; <paramref name="column"/> returns a column's value (null when absent).</summary>
    public PersonRecord Map(Func<string, string?> column) => new(Clean(column(IdColumn)) ?? "")
    {
        Forename = Text("forename", column),
        Surname = Text("surname", column),
        FullName = Text("fullName", column),
        DateOfBirth = Date(column),
        Gender = Text("gender", column),
        AddressLine = Text("addressLine", column),
        Town = Text("town", column),
        Postcode = Text("postcode", column),
        Identifier = Text("identifier", column),
    };

    private string? Text(string field, Func<string, string?> column)
    {
        if (!Fields.TryGetValue(field, out var mapping)) return null;
        if (mapping.Columns.Count == 1) return Clean(column(mapping.Columns[0]));
        var parts = mapping.Columns.Select(c => Clean(column(c))).Where(v => v is not null);
        var joined = string.Join(' ', parts);
        return joined.Length == 0 ? null : joined;
    }

    private DateOnly? Date(Func<string, string?> column)
    {
        var text = Text("dateOfBirth", column);
        if (text is null) return null;
        var format = Fields["dateOfBirth"].Format;
        string[] formats = format is null ? FallbackDateFormats : [format];
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static FieldMapping ParseField(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new FieldMapping([value.GetString()!]),
        JsonValueKind.Array => new FieldMapping(Strings(name, value)),
        JsonValueKind.Object => new FieldMapping(ObjectColumns(name, value),
            value.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null),
        _ => throw new FormatException($"Field '{name}' must be a column name, a list of column names or an object with \"column\"/\"columns\"."),
    };

    private static string[] ObjectColumns(string name, JsonElement value)
    {
        if (value.TryGetProperty("column", out var c) && c.ValueKind == JsonValueKind.String) return [c.GetString()!];
        if (value.TryGetProperty("columns", out var cs) && cs.ValueKind == JsonValueKind.Array) return Strings(name, cs);
        throw new FormatException($"Field '{name}' needs \"column\" or \"columns\".");
    }

    private static string[] Strings(string name, JsonElement array)
    {
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw new FormatException($"Field '{name}' lists a column that is not a string.");
            list.Add(item.GetString()!);
        }
        if (list.Count == 0) throw new FormatException($"Field '{name}' lists no columns.");
        return [.. list];
    }
}
