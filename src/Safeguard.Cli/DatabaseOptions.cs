using System.CommandLine;
using Safeguard.Core.Organisation;
using Safeguard.Core.Problems;
using Safeguard.Web.Hosting;

namespace Safeguard.Cli;

/// <summary>The options every command that opens the database takes, with the web host's configuration
/// (<c>Safeguard__...</c> environment variables) as defaults.</summary>
public sealed class DatabaseOptions
{
    public Option<string?> Provider { get; } = new("--database") { Description = "sqlite (default) or postgres" };
    public Option<string?> Connection { get; } = new("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, or the SQLite file in the data folder)" };
    public Option<string?> DataFolder { get; } = new("--data-folder") { Description = "Folder of the SQLite database (default: ./data)" };

    public DatabaseOptions() => Provider.AcceptOnlyFromAmong("sqlite", "postgres");

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        command.Options.Add(DataFolder);
    }

    /// <summary>The services, on a database brought up to date first.</summary>
    public async Task<ServiceProvider> OpenAsync(ParseResult parse, CancellationToken ct)
    {
        var services = CliServices.Build(parse.GetValue(Provider), parse.GetValue(Connection), parse.GetValue(DataFolder));
        await services.MigrateDatabaseAsync(ct);
        return services;
    }

    /// <summary>Who acts when an administrator runs a command on the server: the audit log names the
    /// operating-system account, since the command line has no sign-in of its own.</summary>
    public static Actor CommandLineActor() =>
        new("system:command-line:" + Environment.UserName, $"Command line ({Environment.UserName})", Roles.Administrator, null);

    /// <summary>Prints a refusal the way a person reads it: the title, then each field's message.</summary>
    public static int Refused(string command, Problem problem)
    {
        Console.Error.WriteLine($"{command}: {problem.Title}{(problem.Errors is null && problem.Detail is not null ? ": " + problem.Detail : "")}");
        foreach (var (field, messages) in problem.Errors ?? new Dictionary<string, string[]>())
            foreach (var message in messages) Console.Error.WriteLine($"  --{field}: {message}");
        return 2;
    }
}
