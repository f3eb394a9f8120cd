using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Cases;
using Safeguard.Core.Data;
using Safeguard.Web.Hosting;

namespace Safeguard.Cli;

/// <summary><c>safeguard rebuild-cases</c>: throws away the cases and event references and projects them again
/// from the event log, in one transaction. The tables it leaves are the ones recording the events one by one
/// left; run it after restoring a backup, or if the projection is ever suspected.</summary>
public static class RebuildCasesCommand
{
    public static Command Create()
    {
        var database = new Option<string?>("--database") { Description = "sqlite (default) or postgres" };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, or the SQLite file in the data folder)" };
        var dataFolder = new Option<string?>("--data-folder") { Description = "Folder of the SQLite database (default: ./data)" };
        var command = new Command("rebuild-cases", "Rebuild the cases (missing episodes, investigations, referrals, custody, police protection, " +
            "offenders, meetings) and event references from the event log") { database, connection, dataFolder };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(database), parse.GetValue(connection), parse.GetValue(dataFolder), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? database, string? connection, string? dataFolder, CancellationToken ct)
    {
        await using var services = CliServices.Build(database, connection, dataFolder);
        await services.MigrateDatabaseAsync(ct);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (events, cases) = await scope.ServiceProvider.GetRequiredService<CaseProjector>().RebuildAsync(ct);
        await tx.CommitAsync(ct);
        Console.WriteLine($"Rebuilt {cases} cases from {events} events.");
        return 0;
    }
}
