using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Safeguard.Matching.Tests.Properties;

namespace Safeguard.Web.Tests.Hostile;

/// <summary>Generators of the values an attacker, a broken client or a careless import sends: garbage and boundary text
/// (empty, huge, control characters, lone surrogates, every alphabet), numbers that overflow, dates that do not exist,
/// ids that are not ids, JSON that is not JSON. Everything is produced as JSON <em>text</em>, so that what cannot be
/// written by a well-behaved serializer (a lone surrogate escape, nesting past any limit) can be sent too.</summary>
public static class HostileValues
{
    /// <summary>Field names the API reads somewhere, so that a generated object reaches real code paths.</summary>
    public static readonly string[] FieldNames =
    [
        "id", "type", "occurredAt", "people", "data", "events", "unit", "recordedBy", "location", "personId", "role",
        "forename", "surname", "dateOfBirth", "gender", "aliases", "address", "line1", "town", "postcode", "sourceRef", "system",
        "code", "reason", "eventIds", "expectedVersion", "otherExpectedVersion", "otherPersonId", "decision", "note", "team", "user",
        "value", "date", "name", "username", "displayName", "organisation", "password", "allowed", "occurredAt", "riskGrade",
        "summary", "concerns", "missingEventId", "locatedAt", "indicators", "notes", "to", "kind", "decisions", "children",
    ];

    private const string Controls = "\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u007F\u0085\u200B\u202E\uFEFF";

    /// <summary>Text as JSON: a string literal, sometimes written with escapes no serializer would produce.</summary>
    public static Gen<string> Text =>
        Gen.Frequency(
            (4, PlainText.Select(Quote)),
            (1, Gen.Elements("\"\\ud800\"", "\"\\udfff x\"", "\"a\\u0000b\"", "\"\\u001b[31mred\"", "\"\\\\\"", "\"%00\"", "\"\\/\"")));

    /// <summary>Text as .NET strings (for query strings and paths, and to be quoted into JSON).</summary>
    public static Gen<string> PlainText => Gen.Frequency(
        (3, Gen.Elements("", " ", "x", "null", "undefined", "true", "0", "-1", "NaN", "Infinity", "1e309", "🙂", "' OR 1=1 --",
            "\"; DROP TABLE people; --", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "../../etc/passwd", "%s%s%n",
            "{{7*7}}", "${jndi:ldap://x}", "\r\n\r\nX-Injected: 1", "Ava\tMoss", "line\nbreak", "2026-02-30", "2026-13-01",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "2026-03-01T21:14:00", "2026-03-01T21:14:00+25:00", "yesterday",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{not-a-guid}", "user:nobody", "client:x",
            "administrator", "partner-practitioner", "link", "keep-apart", "cse-risk", "high", "missing-reported", "ppn")),
        (2, Gen.Choose(0, Controls.Length - 1).Select(i => "Ava" + Controls[i] + "Moss")),
        (1, Gen.Choose(0, 3).Select(n => new string('x', new[] { 101, 2001, 20001, 300_000 }[n]))),
        (1, Gen.Choose(1, 40).Select(n => string.Concat(Enumerable.Repeat("é\u0301", n)))),
        (2, UnicodeNames.Any.Select(n => n.Value)));

    /// <summary>A JSON number, in range or not.</summary>
    public static Gen<string> Number => Gen.Elements("0", "-1", "1", "1.5", "-0", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "1e308", "1e309", "-1e309", "1E-400", "0.0000001", "123456789012345678901234567890");

    /// <summary>Any JSON value, nested up to <paramref name="depth"/>.</summary>
    public static Gen<string> Value(int depth) => depth <= 0
        ? Gen.OneOf(Text, Number, Gen.Elements("true", "false", "null"))
        : Gen.Frequency(
            (5, Gen.OneOf(Text, Number, Gen.Elements("true", "false", "null"))),
            (1, Value(depth - 1).ArrayOf().Select(items => "[" + string.Join(",", items.Take(8)) + "]")),
            (1, Object(depth - 1)));

    /// <summary>An object of known and unknown fields with hostile values.</summary>
    public static Gen<string> Object(int depth) =>
        from count in Gen.Choose(0, 6)
        from names in Gen.Elements(FieldNames.Concat(["", "__proto__", "$where", "a\u0000b", new string('k', 300)]).ToArray()).ArrayOf(count)
        from values in Value(depth).ArrayOf(count)
        select "{" + string.Join(",", names.Zip(values, (n, v) => Quote(n) + ":" + v)) + "}";

    /// <summary>Text that is not JSON, or JSON of the wrong shape, or JSON nested past every limit.</summary>
    public static Gen<string> Garbage => Gen.Elements(
        "", " ", "{", "}", "[", "{\"id\":", "{\"id\": \"x\",}", "{'id': 'x'}", "nul", "NaN", "\u0000", "\uFEFF{}", "{}{}", "[]", "null",
        "\"text\"", "42", "{\"a\":1,\"a\":2}", new string('[', 5000) + new string(']', 5000), string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100),
        "<xml/>", "id=1&type=ppn", "{\"events\": []}", "{\"events\": {}}", "{\"events\": [1, \"two\", null]}");

    public static string Quote(string s) => JsonSerializer.Serialize(s);

    /// <summary>Percent-encodes for a URL; the text may not be valid UTF-16 (then it is sent as the replacement character).</summary>
    public static string Escape(string s) => Uri.EscapeDataString(s.Length > 2000 ? s[..2000] : s);

    public static string Preview(string? s) => s is null ? "(none)" : s.Length <= 300 ? s : s[..300] + $"… ({s.Length.ToString(CultureInfo.InvariantCulture)} characters)";
}
