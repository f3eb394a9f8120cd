using System.Diagnostics;
using System.Reflection;

namespace Safeguard.Cli.Tests;

/// <summary>What running <c>safeguard ...</c> showed: its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the built <c>safeguard</c> command (<c>dotnet safeguard.dll ...</c>) in a working folder of the
/// test's own, with none of the machine's <c>Safeguard__</c> settings leaking in.</summary>
public static class SafeguardCli
{
    private static string Metadata(string key) =>
        typeof(SafeguardCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string DllPath => Metadata("SafeguardCli");
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static async Task<CliRun> RunAsync(string workingFolder, IEnumerable<string> args, string? standardInput = null)
    {
        if (!File.Exists(DllPath)) throw new InvalidOperationException($"The command is not built at {DllPath}; build tests/Safeguard.Cli.Tests.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Safeguard__", StringComparison.OrdinalIgnoreCase) ||
                     k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) await process.StandardInput.WriteLineAsync(standardInput);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"safeguard {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A temporary folder deleted at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "safeguard-cli-tests", Guid.NewGuid().ToString("N"));
    public TempFolder() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, true); } catch (IOException) { /* a child process may still hold a file briefly; the OS cleans temp */ }
    }
}
