using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Evaluation;
using Safeguard.Matching.Mapping;

namespace Safeguard.Matching.Tests.EndToEnd;

public class FebrlAccuracyTests
{
    [Fact]
    public void Deduplicating_febrl_dataset1_reaches_f1_of_at_least_0_99()
    {
        var (records, people) = Load("dataset1.csv");
        var result = Deduplicator.Run(records);
        var metrics = PairwiseMetrics.Compute(result.Clusters, people);
        Assert.True(metrics.F1 >= 0.99, $"precision {metrics.Precision:0.0000}, recall {metrics.Recall:0.0000}, F1 {metrics.F1:0.0000}");
    }

    [Fact]
    public void Every_decision_explains_itself_field_by_field()
    {
        var (records, _) = Load("dataset1.csv");
        var result = Deduplicator.Run(records);
        var explanation = result.Explain(0, 1);
        Assert.Equal(8, explanation.Fields.Count);
        Assert.InRange(explanation.Probability, 0, 1);
    }

    // FEBRL's files are plain comma-separated with a space after each comma and no quoting.
    private static (List<PersonRecord> Records, List<string> People) Load(string file)
    {
        var root = RepoRoot();
        var mapping = RecordMapping.Parse(File.ReadAllText(Path.Combine(root, "docs/examples/febrl.mapping.json")));
        var lines = File.ReadAllLines(Path.Combine(root, "../shared/data/person-linkage", file));
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var records = new List<PersonRecord>();
        var people = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            string? Column(string name) => Array.IndexOf(header, name) is var k and >= 0 && k < cells.Length ? cells[k] : null;
            records.Add(mapping.Map(Column));
            people.Add(Column("rec_id")!.Trim().Split('-')[1]);
        }
        return (records, people);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root not found.");
    }
}
