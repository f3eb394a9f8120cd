using Safeguard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Demo;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Seeds the synthetic demo force (once; it is skipped when already there). The server is already
/// listening while it seeds: pages answer "Preparing the demo force…" (<see cref="Readiness"/>) until it is done.</summary>
public static class DemoSeeding
{
    /// <summary>Refuses, before the server listens, a database holding part of a demo force.</summary>
    public static async Task CheckAsync(WebApplication app, IServiceProvider services)
    {
        var db = services.GetRequiredService<SafeguardDb>();
        if (await db.Bcus.AnyAsync() && !await db.Users.AnyAsync(u => u.Username == Roles.Officer))
            throw new InvalidOperationException(
                "The database holds part of a demo force: an earlier first start was stopped while it was seeding. " +
                $"Delete the data folder ({Path.GetFullPath(app.Configuration["Safeguard:DataFolder"] ?? "data")}) and start again.");
    }

    /// <summary>Seeds in the background of a listening server, then opens the pages (or, if seeding fails, says so on them).</summary>
    public static async Task SeedAsync(WebApplication app)
    {
        var log = app.Logger;
        var readiness = app.Services.GetRequiredService<Readiness>();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var options = app.Configuration["Safeguard:DemoSize"] == "small" ? DemoOptions.Small() : new DemoOptions();
            var clock = services.GetRequiredService<TimeProvider>();
            log.LogInformation("Preparing the synthetic demo force (seed {Seed}); the first start takes a few minutes", options.Seed);
            var summary = await DemoForce.SeedAsync(services.GetRequiredService<SafeguardDb>(), services, options, clock.GetUtcNow());
            if (!summary.AlreadyPresent)
                log.LogInformation("Demo force ready: {Children} children, {Adults} adults, {Events} events in {Seconds:0} s",
                    summary.Children, summary.Adults, summary.Events, summary.Elapsed.TotalSeconds);
            readiness.MarkReady();
            Console.WriteLine("  The demo force is ready: sign in at the address above.");
            Console.WriteLine();
        }
        catch (Exception e) when (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            log.LogCritical(e, "Seeding the demo force failed; pages say so until the server is restarted");
            readiness.MarkFailed(e);
        }
    }

    /// <summary>Where to go and how to sign in, printed as soon as the server listens.</summary>
    public static void PrintSignIns()
    {
        Console.WriteLine($"  Demo sign-ins (password for all: {DemoForce.DemoPassword}):");
        foreach (var s in DemoForce.SignIns) Console.WriteLine($"    {s.Username,-22} {s.Role}{(s.Team is null ? "" : $" ({s.Team})")}");
        Console.WriteLine();
    }
}
