using System.Globalization;
using System.Text.Json;

namespace Safeguard.Core.Recording;

/// <summary>The shape a field of an event's data must have. Each kind checks a JSON value and says
/// in plain words what is wrong with it.</summary>
public abstract record FieldKind
{
    /// <summary>Null when the value fits, else a message naming what was expected.</summary>
    public abstract string? Check(JsonElement value);

    /// <summary>A short text: a name, a code, a place. No control characters at all.</summary>
    public static readonly FieldKind Text = new TextKind(2000, Free: false);
    /// <summary>Free text (a summary, notes, a narrative): line breaks and tabs are part of it; other control characters are not.</summary>
    public static readonly FieldKind LongText = new TextKind(20000, Free: true);
    public static readonly FieldKind Bool = new BoolKind();
    public static readonly FieldKind Instant = new InstantKind();
    public static readonly FieldKind Date = new DateKind();
    public static readonly FieldKind Int = new IntKind();
    public static readonly FieldKind TextList = new ListKind(Text);
    public static readonly FieldKind Any = new AnyKind();
    public static FieldKind OneOf(params string[] values) => new EnumKind(values);
    public static FieldKind ListOf(FieldKind item) => new ListKind(item);
    public static FieldKind ListOf(IEnumerable<string> values) => new ListKind(new EnumKind(values.ToArray()));
    public static FieldKind Object(params Field[] fields) => new ObjectKind(fields);

    private sealed record TextKind(int MaxLength, bool Free) : FieldKind
    {
        public override string? Check(JsonElement v) => v.ValueKind != JsonValueKind.String ? "must be text"
            : v.GetString()!.Length > MaxLength ? $"must be at most {MaxLength} characters"
            : ControlProblem(v.GetString()!, Free);
    }

    /// <summary>Null when the text has no control characters other than, in free text, line breaks and tabs.</summary>
    public static string? ControlProblem(string text, bool free) =>
        text.Any(c => char.IsControl(c) && !(free && c is '\n' or '\r' or '\t'))
            ? free ? "must not contain control characters other than line breaks and tabs" : "must not contain control characters, line breaks or tabs"
            : null;

    private sealed record BoolKind : FieldKind
    {
        public override string? Check(JsonElement v) =>
            v.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";
    }

    private sealed record IntKind : FieldKind
    {
        public override string? Check(JsonElement v) =>
            v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0 ? null : "must be a whole number, 0 or more";
    }

    private sealed record InstantKind : FieldKind
    {
        public override string? Check(JsonElement v) =>
            v.ValueKind == JsonValueKind.String && TryInstant(v.GetString(), out _) ? null
                : "must be an instant with an offset, e.g. 2026-03-01T21:14:00Z";
    }

    private sealed record DateKind : FieldKind
    {
        public override string? Check(JsonElement v) =>
            v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "must be a date, YYYY-MM-DD";
    }

    private sealed record EnumKind(string[] Values) : FieldKind
    {
        public override string? Check(JsonElement v) =>
            v.ValueKind == JsonValueKind.String && Values.Contains(v.GetString()) ? null
                : $"must be one of: {string.Join(", ", Values)}";
    }

    private sealed record ListKind(FieldKind Item) : FieldKind
    {
        public override string? Check(JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Array) return "must be a list";
            if (v.GetArrayLength() > 500) return "must have at most 500 items";
            int i = 0;
            foreach (var item in v.EnumerateArray())
            {
                if (Item.Check(item) is { } problem) return $"item {i + 1} {problem}";
                i++;
            }
            return null;
        }
    }

    private sealed record ObjectKind(Field[] Fields) : FieldKind
    {
        public override string? Check(JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.Object) return "must be an object";
            foreach (var f in Fields)
            {
                bool present = v.TryGetProperty(f.Name, out var value) && value.ValueKind != JsonValueKind.Null;
                if (!present && f.Required) return $"needs '{f.Name}'";
                if (present && f.Kind.Check(value) is { } problem) return $"'{f.Name}' {problem}";
            }
            return null;
        }
    }

    /// <summary>Any shape, but its texts are free text: no control characters other than line breaks and tabs.</summary>
    private sealed record AnyKind : FieldKind
    {
        public override string? Check(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => ControlProblem(v.GetString()!, free: true),
            JsonValueKind.Array => v.EnumerateArray().Select(Check).FirstOrDefault(p => p is not null),
            JsonValueKind.Object => v.EnumerateObject().Select(p => ControlProblem(p.Name, free: false) ?? Check(p.Value)).FirstOrDefault(p => p is not null),
            _ => null,
        };
    }

    /// <summary>ISO 8601 with an explicit offset or Z; a bare local time is refused (it is ambiguous).</summary>
    public static bool TryInstant(string? s, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s)) return false;
        bool hasOffset = s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 6 && (s[^6] == '+' || s[^6] == '-') && s[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}

/// <summary>A named field of an event's data.</summary>
public sealed record Field(string Name, FieldKind Kind, bool Required = false)
{
    public static Field Req(string name, FieldKind kind) => new(name, kind, true);
    public static Field Opt(string name, FieldKind kind) => new(name, kind);
}
