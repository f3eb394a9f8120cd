using Safeguard.Bench;

var dataDir = OptionValue(args, "--data");
var repoRoot = FindRepoRoot();
dataDir ??= Path.GetFullPath(Path.Combine(repoRoot, "../shared/data/person-linkage"));

Console.WriteLine("Safeguard matching benchmark");
var accuracy = Accuracy.Run(dataDir, repoRoot);
Console.WriteLine($"{"dataset",-12}{"records",9}{"pairs",11}{"precision",11}{"recall",9}{"F1",8}{"seconds",9}");
foreach (var r in accuracy)
    Console.WriteLine($"{r.Dataset,-12}{r.Records,9}{r.CandidatePairs,11}{r.Precision,11:0.0000}{r.Recall,9:0.0000}{r.F1,8:0.0000}{r.Seconds,9:0.00}");

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
