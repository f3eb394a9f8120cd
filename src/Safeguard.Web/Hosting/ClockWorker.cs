using Microsoft.Extensions.Options;
using Safeguard.Core.Derivation;

namespace Safeguard.Web.Hosting;

/// <summary>The clock inside the host (E7): on start, and then every <see cref="SafeguardOptions.ClockOptions.IntervalSeconds"/>
/// of the injected <see cref="TimeProvider"/>, fires the timers now due and works through queued re-derivations
/// (<see cref="ClockWork"/>). A deadline passes whether or not anyone is looking; after downtime the first tick
/// catches up every missed deadline, once. A failing tick is logged and the next one tries again.</summary>
public sealed class ClockWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SafeguardOptions> options, ILogger<ClockWorker> log,
    Readiness readiness)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.Clock.IntervalSeconds);
        // Not while the demo force is still being seeded in the background.
        try { await readiness.Ready.WaitAsync(stoppingToken); }
        catch (OperationCanceledException) { return; }
        catch (Exception) { return; }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var work = scope.ServiceProvider.GetRequiredService<ClockWork>();
                int fired = await work.TickAsync(stoppingToken);
                if (fired > 0) log.LogInformation("Clock: {Fired} timers fired", fired);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Clock tick failed; the next tick tries again");
            }
            try { await Task.Delay(interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
