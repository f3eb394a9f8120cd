using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Safeguard.Core.Data;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Demo;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>Seeds the synthetic demo force (once; it is skipped when already there) and, when the server
/// is listening, prints where to go and how to sign in.</summary>
public static class DemoSeeding
{
    public static async Task SeedAsync(WebApplication app, IServiceProvider services)
    {
        var log = app.Logger;
        var options = app.Configuration["Safeguard:DemoSize"] == "small" ? DemoOptions.Small() : new DemoOptions();
        var clock = services.GetRequiredService<TimeProvider>();
        var db = services.GetRequiredService<SafeguardDb>();
        if (await db.Bcus.AnyAsync() && !await db.Users.AnyAsync(u => u.Username == Roles.Officer))
            throw new InvalidOperationException(
                "The database holds part of a demo force: an earlier first start was stopped while it was seeding. " +
                $"Delete the data folder ({Path.GetFullPath(app.Configuration["Safeguard:DataFolder"] ?? "data")}) and start again.");
        log.LogInformation("Preparing the synthetic demo force (seed {Seed}); the first start takes a few minutes", options.Seed);
        var summary = await DemoForce.SeedAsync(db, services, options, clock.GetUtcNow());
        if (!summary.AlreadyPresent)
            log.LogInformation("Demo force ready: {Children} children, {Adults} adults, {Events} events in {Seconds:0} s",
                summary.Children, summary.Adults, summary.Events, summary.Elapsed.TotalSeconds);

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("  Safeguard is running (synthetic demo data only) at:");
            foreach (var address in addresses) Console.WriteLine($"    {address}");
            Console.WriteLine();
            Console.WriteLine($"  Demo sign-ins (password for all: {DemoForce.DemoPassword}):");
            foreach (var s in DemoForce.SignIns) Console.WriteLine($"    {s.Username,-22} {s.Role}{(s.Team is null ? "" : $" ({s.Team})")}");
            Console.WriteLine();
        });
    }
}
