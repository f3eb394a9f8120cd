using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>What happens once at start-up, before the server listens (all quick): the schema is brought up to
/// date, the bootstrap API client is made to match the setting, and a half-seeded demo database is refused. Then the server
/// listens, says where, and only then (when asked) seeds the synthetic demo force in the background.</summary>
public static class Startup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync();
        var options = app.Services.GetRequiredService<IOptions<SafeguardOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        // The bootstrap client exists only while the setting holds its token: a changed or removed setting revokes the old one.
        await scope.ServiceProvider.GetRequiredService<Accounts>().SyncBootstrapClientAsync(options.BootstrapToken);
        await EnsureBankHolidaysAsync(scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardDb>());
        if (options.Demo) await DemoSeeding.CheckAsync(app, scope.ServiceProvider);
    }

    /// <summary>Binds the listen addresses and prints them, then seeds the demo force in the background. A port
    /// already in use fails here, at once, with a plain message: false is returned and nothing is seeded.</summary>
    public static async Task<bool> ListenAsync(this WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"  Safeguard could not start listening: {e.Message}");
            Console.Error.WriteLine("  Stop whatever is using that address, or choose another with --urls (for example --urls http://127.0.0.1:8080).");
            Console.Error.WriteLine();
            return false;
        }
        var demo = app.Services.GetRequiredService<IOptions<SafeguardOptions>>().Value.Demo;
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine(demo ? "  Safeguard is listening (synthetic demo data only) at:" : "  Safeguard is listening at:");
        foreach (var address in addresses) Console.WriteLine($"    {address}");
        Console.WriteLine();
        if (demo)
        {
            DemoSeeding.PrintSignIns();
            Console.WriteLine("  Preparing the demo force: until it is ready, pages say \"Preparing the demo force…\".");
            Console.WriteLine();
            _ = Task.Run(() => DemoSeeding.SeedAsync(app));
        }
        return true;
    }

    /// <summary>The England and Wales bank holidays start as data an administrator can extend (E5).</summary>
    private static async Task EnsureBankHolidaysAsync(Core.Data.SafeguardDb db)
    {
        if (await db.BankHolidays.AnyAsync()) return;
        db.BankHolidays.AddRange(EnglandAndWalesBankHolidays.Defaults.Select(h => new BankHoliday { Date = h.Date, Name = h.Name }));
        await db.SaveChangesAsync();
    }
}
