using Safeguard.Core.Problems;
using Safeguard.Core.Rules;
using Safeguard.TestKit;

namespace Safeguard.Web.Tests.Api;

/// <summary>The OpenAPI document lists every refusal and output code from the same catalogues the code uses.</summary>
public sealed class OpenApiCodesTests : IDisposable
{
    private readonly SafeguardFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("ProblemCode")]
    [InlineData("TaskCode")]
    [InlineData("AlertCode")]
    [InlineData("FlagCode")]
    public async Task The_openapi_document_lists_each_catalogue_of_codes(string schema)
    {
        var (_, doc) = await _factory.Api().GetJsonAsync("/openapi/v1.json");

        var listed = doc!["components"]!["schemas"]![schema]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()).Order();
        var catalogue = schema switch
        {
            "ProblemCode" => ProblemCodes.All, "TaskCode" => OutputCodes.Tasks.All, "AlertCode" => OutputCodes.Alerts.All, _ => OutputCodes.Flags,
        };
        Assert.Equal(catalogue.Order(), listed);
    }
}
