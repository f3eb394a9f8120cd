using System.Text.Json;
using Safeguard.Bench;

var repoRoot = FindRepoRoot();
// The labelled files are kept in the matching tests (copies of ../shared/data/person-linkage).
var dataDir = OptionValue(args, "--data") ?? Path.Combine(repoRoot, "tests/Safeguard.Matching.Tests/Data");
var sizes = (OptionValue(args, "--sizes") ?? "10000,100000,1000000").Split(',').Select(int.Parse).ToArray();
var only = OptionValue(args, "--only");
// --results DIR: where the JSON goes (CI writes its tiny runs outside the repository).
var resultsDir = OptionValue(args, "--results") ?? Path.Combine(repoRoot, "bench/results");
Directory.CreateDirectory(resultsDir);
var json = new JsonSerializerOptions { WriteIndented = true };

Console.WriteLine("Safeguard benchmark");
if (only == "record")
{
    // Recording one event for a child with a long history, on each database (issue 7 point 9). CI can run it tiny:
    // --only record --history 20 --samples 5.
    int history = int.Parse(OptionValue(args, "--history") ?? "500"), samples = int.Parse(OptionValue(args, "--samples") ?? "40");
    var postgres = OptionValue(args, "--postgres") ?? Environment.GetEnvironmentVariable("SAFEGUARD_BENCH_POSTGRES");
    var providers = (OptionValue(args, "--providers") ?? (postgres is null ? "sqlite" : "sqlite,postgres")).Split(',');
    var rows = providers.Select(p => RecordEvent.Run(p, postgres, history, samples)).ToList();
    Console.WriteLine($"{"database",-10}{"history",9}{"samples",9}{"p50 ms",9}{"p95 ms",9}{"mean ms",9}{"max ms",9}{"cpu ms",9}{"load ms",9}{"goal",7}");
    foreach (var r in rows)
        Console.WriteLine($"{r.Provider,-10}{r.HistoryEvents,9}{r.Samples,9}{r.P50Ms,9:0.0}{r.P95Ms,9:0.0}{r.MeanMs,9:0.0}{r.MaxMs,9:0.0}{r.MeanCpuMs,9:0.0}{r.LoadHistoryP50Ms,9:0.0}{(r.P95Ms <= 50 ? "met" : "missed"),7}");
    File.WriteAllText(Path.Combine(resultsDir, history >= 500 ? "record-event.json" : "record-event-small.json"), JsonSerializer.Serialize(
        new { Machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", LoadAverage = LoadAverage(), GoalP95Ms = 50, Runs = rows }, json));
    return;
}
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
if (only == "search")
{
    // Not part of the default run: it loads --people N synthetic people (default 200,000, a force) into a fresh database.
    // --postgres CONN (a connection string with a database of its own, emptied first is up to you) for PostgreSQL.
    var folder = Path.Combine(Path.GetTempPath(), "safeguard-bench-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    var postgres = OptionValue(args, "--postgres");
    var row = await Search.RunAsync(postgres is null ? "sqlite" : "postgres", postgres ?? $"Data Source={Path.Combine(folder, "safeguard.db")}", folder,
        int.Parse(OptionValue(args, "--people") ?? "200000"), int.Parse(OptionValue(args, "--samples") ?? "200"));
    Console.WriteLine($"People search, {row.Provider}: {row.People} people (loaded in {row.LoadSeconds:0} s)");
    Console.WriteLine($"{"search",-30}{"samples",9}{"p50 ms",9}{"p95 ms",9}{"max ms",9}{"hits",7}");
    foreach (var t in row.Timings) Console.WriteLine($"{t.Kind,-30}{t.Samples,9}{t.P50Ms,9:0.0}{t.P95Ms,9:0.0}{t.MaxMs,9:0.0}{t.MeanHits,7:0.0}");
    Console.WriteLine($"{"raw SQL: one surname's rows",-30}{"",9}{row.RawSqlP50Ms,9:0.0}{row.RawSqlP95Ms,9:0.0}");
    Console.WriteLine($"Goal: p95 at most {Search.GoalP95Ms:0} ms: {(row.Timings.All(t => t.P95Ms <= Search.GoalP95Ms) ? "met" : "missed")}");
    File.WriteAllText(Path.Combine(resultsDir, $"search-{row.Provider}-{row.People}.json"), JsonSerializer.Serialize(
        new { Machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", LoadAverage = LoadAverage(), GoalP95Ms = Search.GoalP95Ms, Run = row }, json));
    try { Directory.Delete(folder, true); } catch (IOException) { }
    return;
}
if (only == "scale")
{
    // Every target of issue 13 against one provider and size: --size tiny|force|region (or --people N), --postgres CONN for
    // PostgreSQL, --keep DIR to load once and measure again later, --seconds per load (default 60), --clients (16),
    // --import-rows (20,000). Not part of the default run: a force takes the better part of an hour to load.
    var postgres = OptionValue(args, "--postgres");
    var provider = postgres is null ? "sqlite" : "postgres";
    var people = OptionValue(args, "--people");
    var size = people is null ? OptionValue(args, "--size") ?? "tiny" : $"people-{people}";
    var force = people is null ? Safeguard.Core.Demo.ScaleOptions.Named(size) ?? throw new ArgumentException("--size is tiny, force or region")
        : new Safeguard.Core.Demo.ScaleOptions(int.Parse(people));
    var report = await Scale.RunAsync(new Scale.Settings(provider, postgres, size, force, OptionValue(args, "--keep"),
        TimeSpan.FromSeconds(double.Parse(OptionValue(args, "--seconds") ?? "60")), int.Parse(OptionValue(args, "--clients") ?? "16"),
        int.Parse(OptionValue(args, "--import-rows") ?? "20000"), repoRoot));
    Console.WriteLine($"Safeguard at scale, {report.Provider}, {report.Size}: {report.People:N0} people, {report.Events:N0} events (the busiest person has {report.HeaviestEvents}); load {report.LoadSeconds:0} s");
    Console.WriteLine($"{"what",-58}{"samples",9}{"p50 ms",9}{"p95 ms",9}{"max ms",9}{"per s",9}{"raw p50",9}{"ratio",7}  goal");
    foreach (var t in report.Rows)
        Console.WriteLine($"{t.What,-58}{t.Samples,9}{t.P50Ms,9:0.0}{t.P95Ms,9:0.0}{t.MaxMs,9:0}{t.PerSecond,9:0}{t.RawP50Ms,9:0.0}"
            + $"{(t.RawP50Ms is > 0 ? (t.P50Ms / t.RawP50Ms.Value).ToString("0.0") : ""),7}  {t.Goal}: {(t.Met ? "met" : "missed")}");
    Console.WriteLine($"The app's peak memory: {report.ServerPeakMb:0} MB (goal ≤ {Scale.MemoryGoalMb:0} MB: {(report.MemoryMet ? "met" : "missed")})");
    File.WriteAllText(Path.Combine(resultsDir, $"{report.Provider}-{report.Size}.json"), JsonSerializer.Serialize(
        new { Machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", LoadAverage = LoadAverage(), Run = report }, json));
    return;
}
if (only == "dashboard")
{
    // Not part of the default run: it seeds a synthetic force first (the demo force unless --children/--adults say
    // otherwise) and starts the built web app. --postgres CONN (a connection string without a database) for PostgreSQL.
    var postgres = OptionValue(args, "--postgres");
    var provider = postgres is null ? "sqlite" : "postgres";
    var defaults = new Safeguard.Core.Demo.DemoOptions();
    var force = defaults with
    {
        Children = int.Parse(OptionValue(args, "--children") ?? defaults.Children.ToString()),
        Adults = int.Parse(OptionValue(args, "--adults") ?? defaults.Adults.ToString()),
    };
    // --size force|region|tiny (or --people N): a force loaded in bulk (safeguard generate) instead of the demo force.
    var scale = OptionValue(args, "--people") is { } people ? new Safeguard.Core.Demo.ScaleOptions(int.Parse(people)) : Safeguard.Core.Demo.ScaleOptions.Named(OptionValue(args, "--size"));
    var seed = scale is null ? Dashboard.Demo(force) : Dashboard.Generated(scale);
    var row = await Dashboard.RunAsync(provider, postgres, seed, int.Parse(OptionValue(args, "--samples") ?? "10"),
        OptionValue(args, "--split") ?? "bcu", repoRoot, OptionValue(args, "--keep"));
    Console.WriteLine($"Measures dashboard, {row.Provider}: {row.People} people, {row.Events} events (seeded in {row.SeedSeconds:0} s); {row.Period}, split by {row.Split}");
    Console.WriteLine($"{"what",-32}{"samples",9}{"p50 ms",9}{"p95 ms",9}{"max ms",9}");
    foreach (var t in row.Timings) Console.WriteLine($"{t.What,-32}{t.Samples,9}{t.P50Ms,9:0}{t.P95Ms,9:0}{t.MaxMs,9:0}");
    Console.WriteLine($"Goal: the page and its charts in under {Dashboard.GoalMs:0} ms (p95): {(row.GoalMet ? "met" : "missed")}; the app's peak memory {row.ServerPeakMb:0} MB");
    File.WriteAllText(Path.Combine(resultsDir, $"dashboard-{row.Provider}-{row.People}.json"), JsonSerializer.Serialize(
        new { Machine = $"{Environment.ProcessorCount} cores, .NET {Environment.Version}", LoadAverage = LoadAverage(), GoalMs = Dashboard.GoalMs, Run = row }, json));
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
