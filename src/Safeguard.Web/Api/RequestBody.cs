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
        try
        {
            using var doc = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ProblemException(Core.Problems.Problems.MalformedJson($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})."));
        }
    }

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
