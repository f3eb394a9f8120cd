using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Calendar;
using Safeguard.Core.Organisation;

namespace Safeguard.Web.Hosting;

/// <summary>What happens once at start-up: the schema is brought up to date, the bootstrap API client
/// is ensured, and (when asked) the synthetic demo force is seeded.</summary>
public static class Startup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.Services.MigrateDatabaseAsync();
        var options = app.Services.GetRequiredService<IOptions<SafeguardOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        if (!string.IsNullOrWhiteSpace(options.BootstrapToken))
            await scope.ServiceProvider.GetRequiredService<Accounts>().EnsureBootstrapClientAsync(options.BootstrapToken);
        await EnsureBankHolidaysAsync(scope.ServiceProvider.GetRequiredService<Core.Data.SafeguardDb>());
        if (options.Demo) await DemoSeeding.SeedAsync(app, scope.ServiceProvider);
    }

    /// <summary>The England and Wales bank holidays start as data an administrator can extend (E5).</summary>
    private static async Task EnsureBankHolidaysAsync(Core.Data.SafeguardDb db)
    {
        if (await db.BankHolidays.AnyAsync()) return;
        db.BankHolidays.AddRange(EnglandAndWalesBankHolidays.Defaults.Select(h => new BankHoliday { Date = h.Date, Name = h.Name }));
        await db.SaveChangesAsync();
    }
}
