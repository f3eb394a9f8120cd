using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Safeguard.Core.Import;

/// <summary>A row cannot be imported; the reason names fields and formats, never the values (P6).</summary>
public sealed class RowException(string reason) : Exception(reason);

/// <summary>Where one field's value comes from: a column (written as just its name, or as an object) or a
/// constant <c>value</c>; optionally translated through <c>values</c> (older system's codes to Safeguard's),
/// read with a date <c>format</c>, or converted <c>as</c> boolean, number, list, date or instant.</summary>
public sealed record FieldSpec(string Path, string? Column, JsonElement? Value, string? Format, string As,
    IReadOnlyDictionary<string, string>? Values, string Separator)
{
    private static readonly string[] Kinds = ["text", "boolean", "number", "list", "date", "instant"];
    private static readonly string[] Truthy = ["true", "yes", "y", "1"];
    private static readonly string[] Falsy = ["false", "no", "n", "0"];

    internal static FieldSpec Parse(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String) return new FieldSpec(path, e.GetString(), null, null, "text", null, ";");
        if (e.ValueKind != JsonValueKind.Object) throw new MappingException($"{path} must be a column name or an object with column or value.");
        var column = ImportMapping.Text(e, "column");
        JsonElement? value = e.TryGetProperty("value", out var v) ? v.Clone() : null;
        if ((column is null) == (value is null)) throw new MappingException($"{path} needs exactly one of column or value.");
        var kind = ImportMapping.Text(e, "as") ?? "text";
        if (!Kinds.Contains(kind)) throw new MappingException($"{path}.as must be one of {string.Join(", ", Kinds)}.");
        Dictionary<string, string>? values = null;
        if (e.TryGetProperty("values", out var map))
        {
            if (map.ValueKind != JsonValueKind.Object || map.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
                throw new MappingException($"{path}.values must map each code in the file to a text value.");
            values = map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        }
        var format = ImportMapping.Text(e, "format");
        if (kind is "date" or "instant" && format is null && column is not null) throw new MappingException($"{path} needs a format.");
        return new FieldSpec(path, column, value, format, kind, values, ImportMapping.Text(e, "separator") ?? ";");
    }

    private string Name => Column ?? Path;

    /// <summary>The field as text after translation, or null when the cell is empty.</summary>
    public string? Text(SourceRow row) => Raw(row) is { } raw ? Translate(raw) : null;

    private string? Raw(SourceRow row)
    {
        if (Value is { } constant) return constant.ValueKind == JsonValueKind.String ? constant.GetString() : constant.GetRawText();
        var raw = row.Get(Column!)?.Trim();
        return string.IsNullOrEmpty(raw) ? null : raw;
    }

    private string Translate(string raw) => Values is null ? raw
        : Values.TryGetValue(raw, out var mapped) ? mapped : throw new RowException($"{Name}: a code the mapping does not translate");

    public string Required(SourceRow row) => Text(row) ?? throw new RowException($"{Name} is empty");

    public DateOnly? Date(SourceRow row)
    {
        var text = Text(row);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, Format ?? "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new RowException($"{Name} is not a real date in the format {Format ?? "yyyy-MM-dd"}");
    }

    public DateTimeOffset? Instant(SourceRow row, TimeZoneInfo zone)
    {
        var text = Text(row);
        if (text is null) return null;
        var format = Format ?? "yyyy-MM-ddTHH:mm:ssK";
        bool hasOffset = format.Contains('K') || format.Contains('z');
        if (hasOffset && DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            return withOffset.ToUniversalTime();
        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new RowException($"{Name} is not a real date and time in the format {format}");
        // Older systems record local wall-clock time; convert through the zone so summer time is right.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The field as the JSON value an event's data holds, converted as the mapping says.</summary>
    public JsonNode? Json(SourceRow row, TimeZoneInfo zone)
    {
        if (Value is { } constant && As == "text") return JsonNode.Parse(constant.GetRawText());
        if (As == "list")
        {
            var items = (Raw(row) ?? "").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Translate);
            return new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
        }
        var text = Text(row);
        if (text is null) return null;
        switch (As)
        {
            case "boolean":
                if (Truthy.Contains(text, StringComparer.OrdinalIgnoreCase)) return JsonValue.Create(true);
                if (Falsy.Contains(text, StringComparer.OrdinalIgnoreCase)) return JsonValue.Create(false);
                throw new RowException($"{Name} is not yes/no");
            case "number":
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : throw new RowException($"{Name} is not a number");
            case "date":
                return JsonValue.Create(Date(row)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case "instant":
                return JsonValue.Create(Instant(row, zone)!.Value.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            default:
                return JsonValue.Create(text);
        }
    }
}
