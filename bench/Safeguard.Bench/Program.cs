using System.Text.Json;
using Safeguard.Bench;

var repoRoot = FindRepoRoot();
// The labelled files are kept in the matching tests (copies of ../shared/data/person-linkage).
var dataDir = OptionValue(args, "--data") ?? Path.Combine(repoRoot, "tests/Safeguard.Matching.Tests/Data");
var sizes = (OptionValue(args, "--sizes") ?? "10000,100000,1000000").Split(',').Select(int.Parse).ToArray();
var only = OptionValue(args, "--only");
var resultsDir = Path.Combine(repoRoot, "bench/results");
Directory.CreateDirectory(resultsDir);
var json = new JsonSerializerOptions { WriteIndented = true };

Console.WriteLine("Safeguard matching benchmark");
if (OptionValue(args, "--diagnose") is { } target)
{
    if (target.StartsWith("synthetic"))
    {
        var population = new Safeguard.Matching.Synthetic.PopulationGenerator(42).Generate(int.Parse(target["synthetic".Length..]));
        Diagnostics.Print(target, population.Records, population.PersonOf);
    }
    else
    {
        var (records, labels) = Accuracy.Load(dataDir, repoRoot, target);
        Diagnostics.Print(target, records, labels);
    }
    return;
}
// Tuning reads only the tuning files; it is run on its own (--only tune), never as part of a report.
if (only == "tune")
{
    File.WriteAllText(Path.Combine(resultsDir, "tuning.json"), JsonSerializer.Serialize(Tuning.Run(dataDir, repoRoot), json));
    return;
}
if (only is null or "accuracy")
{
    var accuracy = Accuracy.Run(dataDir, repoRoot);
    Console.WriteLine($"{"dataset",-12}{"role",-10}{"records",9}{"pairs",11}{"precision",11}{"recall",9}{"F1",8}{"seconds",9}");
    foreach (var r in accuracy)
        Console.WriteLine($"{r.Dataset,-12}{r.Role,-10}{r.Records,9}{r.CandidatePairs,11}{r.Precision,11:0.0000}{r.Recall,9:0.0000}{r.F1,8:0.0000}{r.Seconds,9:0.00}");
    File.WriteAllText(Path.Combine(resultsDir, "accuracy.json"), JsonSerializer.Serialize(accuracy, json));
}
if (only is null or "speed")
{
    var speed = new List<Speed.Row>();
    Console.WriteLine($"{"records",9}{"pairs",12}{"seconds",9}{"cpu s",8}{"records/s",11}{"peak MB",9}{"precision",11}{"recall",9}{"F1",8}");
    foreach (var n in sizes)
    {
        var r = Speed.Run(n);
        speed.Add(r);
        Console.WriteLine($"{r.Records,9}{r.CandidatePairs,12}{r.Seconds,9:0.00}{r.CpuSeconds,8:0.0}{r.RecordsPerSecond,11:0}{r.PeakMemoryMb,9:0}{r.Precision,11:0.0000}{r.Recall,9:0.0000}{r.F1,8:0.0000}  "
            + string.Join(", ", r.StageSeconds.Select(kv => $"{kv.Key} {kv.Value:0.00}s")));
    }
    File.WriteAllText(Path.Combine(resultsDir, "speed.json"), JsonSerializer.Serialize(
        new { Machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", LoadAverage = LoadAverage(), Runs = speed }, json));
}

// Other work on the machine slows the timings; the load average at the end says how much there was.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

static string? OptionValue(string[] args, string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
