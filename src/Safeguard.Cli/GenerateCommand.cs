using System.CommandLine;
using System.Globalization;
using Safeguard.Core.Demo;
using Safeguard.Web.Hosting;

namespace Safeguard.Cli;

/// <summary><c>safeguard generate --size force|region|tiny | --people N [--years Y]</c>: loads a synthetic force in bulk into an
/// empty database, for measuring Safeguard at scale (issue 13). Never for a database with real records: it refuses a
/// database that already holds a demo or force, and writes demo sign-ins (password <see cref="DemoForce.DemoPassword"/>).</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var size = new Option<string?>("--size") { Description = "force (200,000 people), region (1,000,000) or tiny (8,000)" };
        size.AcceptOnlyFromAmong("force", "region", "tiny");
        var people = new Option<int?>("--people") { Description = "People to make instead of a named size (at least 100)" };
        var years = new Option<int>("--years") { Description = "Years of history (1 to 30)", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and day give the same force", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var database = new Option<string?>("--database") { Description = "sqlite (default) or postgres" };
        database.AcceptOnlyFromAmong("sqlite", "postgres");
        var connection = new Option<string?>("--connection") { Description = "Connection string (default: ConnectionStrings__Safeguard, or the SQLite file in the data folder)" };
        var dataFolder = new Option<string?>("--data-folder") { Description = "Folder of the SQLite database (default: ./data)" };
        var command = new Command("generate", "Load a synthetic force (people, years of histories, cases, rule outputs) in bulk into an empty database")
        {
            size, people, years, seed, database, connection, dataFolder,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(size), parse.GetValue(people), parse.GetValue(years), parse.GetValue(seed),
            parse.GetValue(database), parse.GetValue(connection), parse.GetValue(dataFolder), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? size, int? people, int years, int seed, string? database, string? connection, string? dataFolder,
        CancellationToken ct)
    {
        if ((size is null) == (people is null))
        {
            await Console.Error.WriteLineAsync("generate: give either --size force|region|tiny or --people N.");
            return 2;
        }
        if (people is < 100 || years is < 1 or > 30)
        {
            await Console.Error.WriteLineAsync("generate: --people must be at least 100 and --years 1 to 30.");
            return 2;
        }
        var options = (people is { } n ? new ScaleOptions(n) : ScaleOptions.Named(size)!) with { Years = years, Seed = seed };
        await using var services = CliServices.Build(database, connection, dataFolder);
        await services.MigrateDatabaseAsync(ct);
        var summary = await Generate(services, options, Console.Out, ct);
        return summary.AlreadyPresent ? 1 : 0;
    }

    /// <summary>Loads the force, writing progress and the summary to <paramref name="output"/>: for the command and the benchmarks.</summary>
    public static async Task<ScaleSummary> Generate(IServiceProvider services, ScaleOptions options, TextWriter output, CancellationToken ct = default)
    {
        var progress = new Progress(output);
        var summary = await ScaleForce.LoadAsync(services, options, DateTimeOffset.UtcNow, progress, ct);
        if (summary.AlreadyPresent)
        {
            await output.WriteLineAsync("generate: this database already holds a demo or generated force; nothing was written.");
            return summary;
        }
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Format(c,
            "Generated {0:N0} people and {1:N0} events ({2:N0} people in events, {3:N0} cases, {4:N0} flags raised by hand) over {5} years in {6:0} s ({7:N0} events/s): "
            + "planning {8:0} s, writing {9:0} s, cases {10:0} s, rules {11:0} s.",
            summary.People, summary.Events, summary.Participants, summary.Cases, summary.Flags, options.Years, summary.Elapsed.TotalSeconds, summary.EventsPerSecond,
            summary.Planning.TotalSeconds, summary.Writing.TotalSeconds, summary.Projecting.TotalSeconds, summary.Deriving.TotalSeconds));
        return summary;
    }

    /// <summary>A line per district: how far, how fast, how long left. Reported synchronously, in order.</summary>
    private sealed class Progress(TextWriter output) : IProgress<ScaleProgress>
    {
        public void Report(ScaleProgress p) => output.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "district {0}/{1}: {2:N0} people, {3:N0} events, {4:N0} events/s{5}", p.DistrictsDone, p.Districts, p.People, p.Events,
            p.Events / Math.Max(p.Elapsed.TotalSeconds, 0.001), p.Left is { } left ? $", about {Math.Ceiling(left.TotalMinutes):0} min left" : ""));
    }
}
