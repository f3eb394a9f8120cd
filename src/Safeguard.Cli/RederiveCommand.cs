using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Derivation;
using Safeguard.Web.Hosting;

namespace Safeguard.Cli;

/// <summary><c>safeguard rederive --all | --person ID</c>: derives people's outputs again from their whole history
/// (E6) and reconciles what is stored: new outputs added, unsupported ones withdrawn with a reason, people's decisions
/// untouched. For after a rules release or a bulk repair; running it twice changes nothing the second time.</summary>
public static class RederiveCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Every person with at least one event" };
        var person = new Option<Guid?>("--person") { Description = "One person, by id" };
        var database = new Option<string?>("--database") { Description = "sqlite (default) or postgres" };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, or the SQLite file in the data folder)" };
        var dataFolder = new Option<string?>("--data-folder") { Description = "Folder of the SQLite database (default: ./data)" };
        var command = new Command("rederive", "Derive rule outputs again from people's whole histories and reconcile what is stored")
        {
            all, person, database, connection, dataFolder,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(all), parse.GetValue(person), parse.GetValue(database),
            parse.GetValue(connection), parse.GetValue(dataFolder), ct));
        return command;
    }

    private static async Task<int> RunAsync(bool all, Guid? person, string? database, string? connection, string? dataFolder, CancellationToken ct)
    {
        if (all == person.HasValue)
        {
            await Console.Error.WriteLineAsync("rederive: give either --all or --person ID.");
            return 2;
        }
        await using var services = CliServices.Build(database, connection, dataFolder);
        await services.MigrateDatabaseAsync(ct);
        var result = await RunAsync(services, person is { } id ? [id] : null, ct);
        Console.WriteLine($"rederive: {result.People} people, {result.Events} events in {result.Elapsed.TotalSeconds:0.0} s ({result.EventsPerSecond:0} events/s)");
        return 0;
    }

    /// <summary>What a run did, for the command's output and the bench.</summary>
    public sealed record Result(int People, int Events, TimeSpan Elapsed)
    {
        public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 0.001);
    }

    /// <summary>Derives the people given (or everyone with events), a batch per transaction.</summary>
    public static async Task<Result> RunAsync(IServiceProvider services, IReadOnlyList<Guid>? people, CancellationToken ct)
    {
        List<Guid> ids;
        int events;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            ids = people?.ToList() ?? (await db.EventParticipants.AsNoTracking().Select(p => p.PersonId).Distinct().ToListAsync(ct)).Order().ToList();
            events = await db.EventParticipants.AsNoTracking().Where(p => ids.Contains(p.PersonId)).Select(p => p.EventId).Distinct().CountAsync(ct);
        }
        var watch = Stopwatch.StartNew();
        await Rederivation.RunAsync(services, ids, "the rules were run again over the whole history", ct);
        return new Result(ids.Count, events, watch.Elapsed);
    }
}
