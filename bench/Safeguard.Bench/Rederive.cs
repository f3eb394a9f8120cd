using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Cli;
using Safeguard.Core.Data;
using Safeguard.Core.Demo;
using Safeguard.Web.Hosting;

namespace Safeguard.Bench;

/// <summary><c>safeguard rederive --all</c> on the demo force: seeds the demo into a fresh database, then derives every
/// person with events again from their whole history and reconciles what is stored, timing that second step
/// (E6, issue 7 point 9). A second run over the already reconciled outputs is timed too: it should change nothing.</summary>
public static class Rederive
{
    public sealed record Row(string Provider, int People, int Events, double Seconds, double EventsPerSecond,
        double SecondRunSeconds, double SecondRunEventsPerSecond, double SeedSeconds);

    public static async Task<Row> RunAsync(string provider, string connection, string folder, bool small)
    {
        await using var services = CliServices.Build(provider, connection, folder);
        await services.MigrateDatabaseAsync();
        var seed = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDb>();
            await DemoForce.SeedAsync(db, scope.ServiceProvider, small ? DemoOptions.Small() : new DemoOptions(), DateTimeOffset.UtcNow);
        }
        seed.Stop();
        var first = await RederiveCommand.RunAsync(services, null, CancellationToken.None);
        var second = await RederiveCommand.RunAsync(services, null, CancellationToken.None);
        return new Row(provider, first.People, first.Events, first.Elapsed.TotalSeconds, first.EventsPerSecond,
            second.Elapsed.TotalSeconds, second.EventsPerSecond, seed.Elapsed.TotalSeconds);
    }
}
