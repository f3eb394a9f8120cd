using System.Text.Json;
using Microsoft.Extensions.Options;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Web.Api;

/// <summary>Reads a JSON body under a size limit. The API reads bodies itself rather than through model
/// binding so that every malformed, oversized or mistyped body gets a problem with a stable code.</summary>
public static class RequestBody
{
    public static async Task<JsonElement> ReadJsonAsync(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<SafeguardOptions>>().Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit) throw new ProblemException(Core.Problems.Problems.TooLarge(limit));
        if (context.Request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw new ProblemException(new Problem(415, ProblemCodes.UnsupportedMediaType, "Send JSON", "The body must be application/json."));

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw new ProblemException(Core.Problems.Problems.TooLarge(limit));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new ProblemException(Core.Problems.Problems.MalformedJson("The body is empty."));
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ProblemException(Core.Problems.Problems.MalformedJson($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})."));
        }
        var errors = new Dictionary<string, string[]>();
        CheckText(root, "", errors);
        if (errors.Count > 0) throw new ProblemException(Core.Problems.Problems.Invalid(errors));
        return root;
    }

    /// <summary>Every name and text in a body, wherever it is, must be readable Unicode (an escaped lone surrogate such
    /// as <c>"\ud800"</c> is valid JSON but not text) and free of control characters, except line breaks and tabs
    /// (legitimate in free text; fields that are not free text refuse those too, field by field). No field of any
    /// record takes NUL, escape sequences or the like, and PostgreSQL refuses NUL outright: refused here, once, by
    /// field, before anything is read or written.</summary>
    private static void CheckText(JsonElement e, string path, Dictionary<string, string[]> errors)
    {
        if (errors.Count >= 20) return;
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (TextProblem(e) is { } problem) errors[path.Length == 0 ? "body" : path] = [problem];
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) CheckText(item, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.Object:
                foreach (var property in e.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        errors[path.Length == 0 ? "body" : path] = ["has a field name that is not valid Unicode text"];
                        continue;
                    }
                    var field = path.Length == 0 ? name : $"{path}.{name}";
                    if (name.Any(IsRefusedControl)) errors[path.Length == 0 ? "body" : path] = ["has a field name with control characters"];
                    else CheckText(property.Value, field, errors);
                }
                break;
        }
    }

    private static string? TextProblem(JsonElement e)
    {
        string text;
        try
        {
            text = e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "must be valid Unicode text (it holds half of a surrogate pair)";
        }
        return text.Any(IsRefusedControl) ? "must not contain control characters (only line breaks and tabs, and only in free text)" : null;
    }

    private static bool IsRefusedControl(char c) => char.IsControl(c) && c is not ('\n' or '\r' or '\t');

    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be text"))
            : null;

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.Object ? v : throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be an object"))
            : null;

    public static IReadOnlyList<string>? StrList(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be a list of text"));
        return v.EnumerateArray().Select(x => x.GetString()!).ToList();
    }

    /// <summary>The version a decision was made on (<c>expectedVersion</c>, API.md "Decisions"), if given: a whole number from 1.</summary>
    public static int? ExpectedVersion(this JsonElement e, string name = "expectedVersion")
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 1) return n;
        throw new ProblemException(Core.Problems.Problems.Invalid(name, "must be the version you read: a whole number from 1"));
    }

    public static JsonElement RequireObject(this JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ProblemException(Core.Problems.Problems.Invalid("body", "must be a JSON object"));
        return e;
    }
}
