using System.Text.Json;
using Safeguard.Bench;

var repoRoot = FindRepoRoot();
var dataDir = OptionValue(args, "--data") ?? Path.GetFullPath(Path.Combine(repoRoot, "../shared/data/person-linkage"));
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
if (only == "rederive")
{
    // Not part of the default run: it seeds a demo force first. --small for the test-sized force; --postgres CONN for PostgreSQL.
    var folder = Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var postgres = OptionValue(args, "--postgres");
    var row = await Rederive.RunAsync(postgres is null ? "sqlite" : "postgres",
        postgres ?? $"Data Source={Path.Combine(folder, "safeguard.db")}", folder, args.Contains("--small"));
    Console.WriteLine($"rederive --all ({row.Provider}): {row.People} people, {row.Events} events, {row.Seconds:0.0} s, {row.EventsPerSecond:0} events/s; "
        + $"again (nothing to change): {row.SecondRunSeconds:0.0} s, {row.SecondRunEventsPerSecond:0} events/s; demo seeded in {row.SeedSeconds:0} s");
    var file = Path.Combine(resultsDir, $"rederive-{row.Provider}.json");
    File.WriteAllText(file, JsonSerializer.Serialize(new { Machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", LoadAverage = LoadAverage(), Run = row }, json));
    return;
}
if (only is null or "accuracy")
{
    var accuracy = Accuracy.Run(dataDir, repoRoot);
    Console.WriteLine($"{"dataset",-12}{"records",9}{"pairs",11}{"precision",11}{"recall",9}{"F1",8}{"seconds",9}");
    foreach (var r in accuracy)
        Console.WriteLine($"{r.Dataset,-12}{r.Records,9}{r.CandidatePairs,11}{r.Precision,11:0.0000}{r.Recall,9:0.0000}{r.F1,8:0.0000}{r.Seconds,9:0.00}");
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
