using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Safeguard.Core.Problems;
using Safeguard.Core.Rules;

namespace Safeguard.Web.Hosting;

/// <summary>Puts the catalogues of codes into the OpenAPI document (<c>/openapi/v1.json</c>) as string enums,
/// so a client can read every refusal and output code from the same list the code uses.</summary>
public static class OpenApiCodes
{
    public static Task AddAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        Add(document, "ProblemCode", "The `code` of a problem answer (docs/api.md).", ProblemCodes.All);
        Add(document, "FlagCode", "Flag codes (REQUIREMENTS C2).", OutputCodes.Flags);
        Add(document, "TaskCode", "Task codes a rule can raise.", OutputCodes.Tasks.All);
        Add(document, "AlertCode", "Alert codes a rule (or the passing of time) can raise.", OutputCodes.Alerts.All);
        return Task.CompletedTask;
    }

    private static void Add(OpenApiDocument document, string name, string description, IEnumerable<string> codes) =>
        document.Components!.Schemas![name] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = description,
            Enum = codes.Order(StringComparer.Ordinal).Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
        };
}
