using Safeguard.TestKit;

namespace Safeguard.Cli.Tests;

/// <summary>A running Safeguard (in memory, its own fresh database) and the command pointed at the same database,
/// so a test can do something with the command and see the effect as a user of the web host or the API would.</summary>
public sealed class DatabaseCommand : IDisposable
{
    public SafeguardFactory Factory { get; } = new();
    public TempFolder Folder { get; } = new();

    public DatabaseCommand() => Factory.Api().Dispose(); // starts the host: schema migrated, bootstrap client ensured

    /// <summary>Runs <c>safeguard ARGS --database P --connection C</c> against the factory's database.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public Task<CliRun> RunWithInputAsync(string? standardInput, params string[] args) =>
        SafeguardCli.RunAsync(Folder.Path, [.. args, "--database", SafeguardFactory.Provider, "--connection", Factory.ConnectionString], standardInput);

    public void Dispose()
    {
        Factory.Dispose();
        Folder.Dispose();
    }
}
