using System.Diagnostics;
using Safeguard.Matching.Deduplication;
using Safeguard.Matching.Evaluation;
using Safeguard.Matching.Mapping;

namespace Safeguard.Bench;

/// <summary>Pairwise accuracy on the public labelled person-linkage files, each marked as a tuning file
/// (settings were chosen on it, see <see cref="Tuning"/>) or held out (never used to choose anything).</summary>
internal static class Accuracy
{
    public sealed record Row(string Dataset, string Role, int Records, long CandidatePairs, double Precision, double Recall, double F1, double Seconds);

    public static List<Row> Run(string dataDir, string repoRoot)
    {
        var febrl = RecordMapping.Parse(File.ReadAllText(Path.Combine(repoRoot, "docs/examples/febrl.mapping.json")));
        var fake = RecordMapping.Parse(File.ReadAllText(Path.Combine(repoRoot, "docs/examples/fake_1000.mapping.json")));
        var rows = new List<Row>();
        foreach (var name in new[] { "dataset1", "dataset2", "dataset3" })
            rows.Add(Measure(name, Path.Combine(dataDir, name + ".csv"), febrl, col => FebrlPerson(col("rec_id"))));
        rows.Add(Measure("fake_1000", Path.Combine(dataDir, "fake_1000.csv"), fake, col => col("cluster") ?? ""));
        return rows;
    }

    public static (List<Safeguard.Matching.PersonRecord>, List<string>) Load(string dataDir, string repoRoot, string name)
    {
        bool febrl = name.StartsWith("dataset");
        var mapping = RecordMapping.Parse(File.ReadAllText(Path.Combine(repoRoot, febrl ? "docs/examples/febrl.mapping.json" : "docs/examples/fake_1000.mapping.json")));
        return LabelledCsv.Load(Path.Combine(dataDir, name + ".csv"), mapping, col => febrl ? FebrlPerson(col("rec_id")) : col("cluster") ?? "");
    }

    private static Row Measure(string name, string path, RecordMapping mapping, Func<Func<string, string?>, string> truth)
    {
        var (records, labels) = LabelledCsv.Load(path, mapping, truth);
        var clock = Stopwatch.StartNew();
        var result = Deduplicator.Run(records, Settings.FromEnvironment());
        var seconds = clock.Elapsed.TotalSeconds;
        var metrics = PairwiseMetrics.Compute(result.Clusters, labels);
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1") ModelReport.Print(name, result.Model);
        var role = Tuning.TuningFiles.Contains(name) ? "tuning" : "held-out";
        return new Row(name, role, records.Count, result.CandidatePairs, metrics.Precision, metrics.Recall, metrics.F1, seconds);
    }

    // "rec-12-dup-3" and "rec-12-org" are person 12.
    private static string FebrlPerson(string? recId)
    {
        var parts = (recId ?? "").Split('-');
        return parts.Length >= 2 ? parts[1] : recId ?? "";
    }
}
