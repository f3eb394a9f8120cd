using System.Text.Json;
using System.Text.RegularExpressions;
using Safeguard.Core.Recording;
using Safeguard.Core.Records;

namespace Safeguard.Core.Tests.Docs;

/// <summary>docs/api.md stays true: every worked example is an event the API accepts, and every event
/// type has one.</summary>
public sealed partial class ApiExamplesTests
{
    private static readonly string ApiDoc = Path.Combine(RepoRoot(), "docs", "api.md");

    public static IEnumerable<object[]> Examples() =>
        ExampleBlock().Matches(File.ReadAllText(ApiDoc)).Select(m => new object[] { m.Groups["type"].Value, m.Groups["json"].Value });

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_worked_example_has_the_shape_the_api_accepts(string type, string json)
    {
        using var doc = JsonDocument.Parse(json);

        var submission = EventSubmissionReader.Read(doc.RootElement);

        Assert.Equal(type, submission.Type);
    }

    [Fact]
    public void Every_event_type_has_a_worked_example()
    {
        var documented = Examples().Select(e => (string)e[0]).ToHashSet();

        Assert.Empty(Vocabulary.EventTypes.Where(t => !documented.Contains(t)).Order());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Safeguard.slnx not found above the test folder.");
    }

    [GeneratedRegex(@"### `(?<type>[a-z0-9-]+)`\s.*?```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}
